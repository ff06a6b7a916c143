-- Top TCP/UDP server ports by R+W bytes: a thin wrapper around table_generator.

description = "Lists the server-side TCP and UDP ports that carried the most bytes (in plus out). With -pc/-pcontainer the container is shown too."
short_description = "Top TCP/UDP server ports by R+W bytes"
category = "Net"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "fd.sport", "Srv Port"
	if sysdig.is_print_container_data() then
		keys, titles = "fd.sport,container.name", "Srv Port,container.name"
	end
	chisel.exec("table_generator", keys, titles, "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", "100", "bytes")
	return true
end
