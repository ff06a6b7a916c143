-- Top network connections by total bytes: a thin wrapper around table_generator.

description = "Lists the network connections that carried the most bytes (in plus out). With -pc/-pcontainer the container is shown too."
short_description = "Top network connections by total bytes"
category = "Net"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "fd.l4proto,fd.name", "Proto,Conn"
	if sysdig.is_print_container_data() then
		keys, titles = "container.name,fd.l4proto,fd.name", "container.name,Proto,Conn"
	end
	chisel.exec("table_generator", keys, titles, "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", "30", "bytes")
	return true
end
