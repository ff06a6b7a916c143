-- Top files by R+W bytes: a thin wrapper around table_generator.

description = "Lists the files with the most bytes read and written. With -pc/-pcontainer the container is shown too."
short_description = "Top files by R+W bytes"
category = "I/O"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "fd.name", "Filename"
	if sysdig.is_print_container_data() then
		keys, titles = "container.name,fd.name", "container.name,Filename"
	end
	chisel.exec("table_generator", keys, titles, "evt.rawarg.res", "Bytes", "fd.type=file and evt.is_io=true", "10", "bytes")
	return true
end
