-- Top containers by network I/O: a thin wrapper around table_generator.

description = "Lists the containers that moved the most bytes over the network."
short_description = "Top containers by network I/O"
category = "Net"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "container.name", "container.name"
	chisel.exec("table_generator", keys, titles, "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true and container.name!=host", "100", "bytes")
	return true
end
