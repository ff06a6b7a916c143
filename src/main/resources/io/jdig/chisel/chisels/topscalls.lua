-- Top system calls by number of calls: a thin wrapper around table_generator.

description = "Lists the 30 system calls invoked most often; add a filter to look at one process, thread or file. With -pc/-pcontainer the container is shown too."
short_description = "Top system calls by number of calls"
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
	chisel.exec("table_generator", keys, titles, "evt.count", "# Calls", "evt.type!=switch", "30", "none")
	return true
end
