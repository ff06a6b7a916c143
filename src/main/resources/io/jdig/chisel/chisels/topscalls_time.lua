-- Top system calls by time: a thin wrapper around table_generator.

description = "Lists the 30 system calls that took the most time overall; add a filter to look at one process, thread or file. With -pc/-pcontainer the container is shown too."
short_description = "Top system calls by time"
category = "Performance"
args = {}

function on_set_arg(name, val)
	return false
end

function on_init()
	local keys, titles = "evt.type", "Syscall"
	if sysdig.is_print_container_data() then
		keys, titles = "evt.type,container.name", "Syscall,container.name"
	end
	chisel.exec("table_generator", keys, titles, "evt.latency", "Time", "", "30", "time")
	return true
end
