-- Top files by number of errors: a thin wrapper around table_generator.

description = "Lists the files whose I/O failed most often. With -pc/-pcontainer the container is shown too."
short_description = "Top files by number of errors"
category = "Errors"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "fd.name", "Filename"
	if sysdig.is_print_container_data() then
		keys, titles = "fd.name,container.name", "Filename,container.name"
	end
	chisel.exec("table_generator", keys, titles, "evt.count", "#Errors", "fd.type=file and evt.failed=true", "100", "none")
	return true
end
