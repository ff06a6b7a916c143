-- Top processes by R+W disk bytes: a thin wrapper around table_generator.

description = "Lists the processes that read and wrote the most bytes from and to files. With -pc/-pcontainer the container of each process is shown too."
short_description = "Top processes by R+W disk bytes"
category = "I/O"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "proc.name,proc.pid", "Process,PID"
	if sysdig.is_print_container_data() then
		keys, titles = "proc.name,proc.pid,thread.vtid,container.name", "Process,Host_pid,Container_pid,container.name"
	end
	chisel.exec("table_generator", keys, titles, "evt.rawarg.res", "Bytes", "fd.type=file and evt.is_io=true", "10", "bytes")
	return true
end
