-- Top files by time: a thin wrapper around table_generator.

description = "Lists the files on which processes spent the most time doing I/O. With -pc/-pcontainer the container is shown too."
short_description = "Top files by time"
category = "I/O"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "fd.name", "Filename"
	if sysdig.is_print_container_data() then
		keys, titles = "fd.name,container.name", "Filename,container.name"
	end
	chisel.exec("table_generator", keys, titles, "evt.latency", "Time", "fd.type=file and evt.is_io=true", "10", "time")
	return true
end
