-- Top containers by R+W disk bytes: a thin wrapper around table_generator.

description = "Lists the containers that read and wrote the most bytes from and to files."
short_description = "Top containers by R+W disk bytes"
category = "I/O"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "container.name", "container.name"
	chisel.exec("table_generator", keys, titles, "evt.rawarg.res", "Bytes", "fd.type=file and evt.is_io=true and container.name!=host", "10", "bytes")
	return true
end
