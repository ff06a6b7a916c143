-- Shows the data moved by every successful read and write.
description = "Prints the data of every successful read and write on any file descriptor, each preceded by a colored header line (red for reads, blue for writes) with the byte count, the fd name and the process. Add a filter to narrow it down. With -pc/-pcontainer the header also names the container (green for the host, cyan for containers)."
short_description = "Print the data read and written by processes."
category = "I/O"
args = {
	{ name = "disable_color", description = "pass 'disable_color' to print without colors", argtype = "string", optional = true },
}

require "common"
local term = require "ansiterminal"
term.enable_color(true)

local f = {}
local with_container = false

function on_set_arg(name, val)
	if name == "disable_color" and val == "disable_color" then
		term.enable_color(false)
	end
	return true
end

function on_init()
	for k, fld in pairs({ isread = "evt.is_io_read", res = "evt.rawarg.res", name = "fd.name",
			proc = "proc.name", cname = "container.name", cid = "container.id", data = "evt.rawarg.data" }) do
		f[k] = chisel.request_field(fld)
	end
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(2000)
	chisel.set_filter("evt.is_io=true and evt.dir=< and evt.rawres>0")
	chisel.set_event_formatter("%evt.arg.data")
	return true
end

function on_event()
	local res = evt.field(f.res)
	if res == nil or res <= 0 then
		return true
	end
	local name = evt.field(f.name) or "<NA>"
	local pname = evt.field(f.proc)
	local where = ""
	if with_container then
		local cname = evt.field(f.cname)
		local color = cname == "host" and term.green or term.cyan
		where = string.format("%s [%s] [%s]", color, tostring(cname), tostring(evt.field(f.cid)))
	end
	local color, verb, prep = term.blue, "Write", "to"
	if evt.field(f.isread) then
		color, verb, prep = term.red, "Read", "from"
	end
	print(string.format("%s------ %s %s %s %s %s %s (%s)", color, verb, format_bytes(res), prep, where,
		color, name, tostring(pname)))
	return true
end

function on_capture_end()
	print(term.reset)
end
