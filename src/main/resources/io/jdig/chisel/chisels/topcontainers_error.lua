-- Top containers by number of errors: a thin wrapper around table_generator.

description = "Lists the containers whose system calls failed most often."
short_description = "Top containers by number of errors"
category = "Errors"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "container.name", "container.name"
	chisel.exec("table_generator", keys, titles, "evt.count", "#Errors", "evt.failed=true and container.name!=host", "100", "none")
	return true
end
