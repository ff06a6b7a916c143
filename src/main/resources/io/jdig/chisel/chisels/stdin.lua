-- Echoes the stdin data of processes.
description = "Prints what processes read from their standard input (fd 0). Combine it with a filter to follow one process or pid."
short_description = "Print stdin of processes"
category = "I/O"
args = {}

local fbuf

function on_init()
	fbuf = chisel.request_field("evt.rawarg.data")
	sysdig.set_snaplen(2000)
	chisel.set_filter("fd.num=0 and evt.is_io=true")
	return true
end

function on_event()
	local data = evt.field(fbuf)
	if data ~= nil then
		print(data)
	end
	return true
end
