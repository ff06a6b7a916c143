-- top processes by number of errors: a thin wrapper around table_generator.

description = "Lists the processes whose system calls failed most often. With -pc/-pcontainer the container of each process is shown too."
short_description = "top processes by number of errors"
category = "Errors"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "proc.name,proc.pid", "Process,PID"
	if sysdig.is_print_container_data() then
		keys, titles = "proc.name,proc.pid,thread.vtid,container.name", "Process,Host_pid,Container_pid,container.name"
	end
	chisel.exec("table_generator", keys, titles, "evt.count", "#Errors", "evt.failed=true", "100", "none")
	return true
end
