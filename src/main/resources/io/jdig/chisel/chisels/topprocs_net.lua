-- Top processes by network I/O: a thin wrapper around table_generator.

description = "Lists the processes that moved the most bytes over the network (IPv4 and IPv6 sockets, reads plus writes). With -pc/-pcontainer the container of each process is shown too."
short_description = "Top processes by network I/O"
category = "Net"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "proc.name,proc.pid", "Process,PID"
	if sysdig.is_print_container_data() then
		keys, titles = "proc.name,proc.pid,thread.vtid,container.name", "Process,Host_pid,Container_pid,container.name"
	end
	chisel.exec("table_generator", keys, titles, "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", "100", "bytes")
	return true
end
