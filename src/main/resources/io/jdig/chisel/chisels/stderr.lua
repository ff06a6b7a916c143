-- Echoes the stderr data of processes.
description = "Prints what processes write to their standard error (fd 2). Combine it with a filter to follow one process or pid. With -pc/-pcontainer every line starts with the container id and name (green for the host, blue for containers)."
short_description = "Print stderr of processes"
category = "I/O"
args = {
	{ name = "disable_color", description = "pass 'disable_color' to print without colors", argtype = "string", optional = true },
}

local term = require "ansiterminal"
term.enable_color(true)

local fbuf, fcname, fcid
local with_container = false

function on_set_arg(name, val)
	if name == "disable_color" and val == "disable_color" then
		term.enable_color(false)
	end
	return true
end

function on_init()
	fbuf = chisel.request_field("evt.rawarg.data")
	fcname = chisel.request_field("container.name")
	fcid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(2000)
	chisel.set_filter("fd.num=2 and evt.is_io=true")
	return true
end

function on_event()
	local data = evt.field(fbuf)
	if data == nil then
		return true
	end
	if with_container then
		local cname = evt.field(fcname)
		local color = cname ~= "host" and term.blue or term.green
		print(color .. string.format("%-20.20s %-20.20s %s", tostring(evt.field(fcid)), tostring(cname), data))
	else
		print(data)
	end
	return true
end
