-- Echoes file reads and writes, one line per successful call.
description = "Prints one line for every successful read or write on a file: time, process and pid, R or W, the byte count, the file name and the data (as ASCII). By default every file except terminals is watched and both directions are shown; the arguments restrict the output to one direction and/or one file."
short_description = "Echo any read/write made by any process to all files. Optionally, you can provide the name of one file to only intercept reads/writes to that file."
category = "I/O"
args = {
	{ name = "read_or_write", description = "'R' for reads only, 'W' for writes only, 'RW' (the default) for both", argtype = "string", optional = true },
	{ name = "spy_on_file_name", description = "watch only this file", argtype = "string", optional = true },
}

require "common"

local mode = "RW"
local only_file
local h = {}

function on_set_arg(name, val)
	if name == "read_or_write" then
		mode = string.upper(val)
	elseif name == "spy_on_file_name" then
		only_file = val
	else
		return false
	end
	return true
end

function on_init()
	for k, fld in pairs({ data = "evt.arg.data", fdname = "fd.name", iswrite = "evt.is_io_write",
			pid = "proc.pid", pname = "proc.name", res = "evt.rawarg.res", time = "evt.time" }) do
		h[k] = chisel.request_field(fld)
	end
	sysdig.set_snaplen(2000)
	sysdig.set_output_format("ascii")

	local parts = {}
	if only_file ~= nil and only_file ~= "" then
		parts[#parts + 1] = "(fd.name=" .. only_file .. ")"
	else
		-- leave terminals alone: echoing them while watching them live would feed itself
		parts[#parts + 1] = "(not fd.name contains /dev/pt and not fd.name contains /dev/tty)"
	end
	if mode == "R" then
		parts[#parts + 1] = "evt.is_io_read=true"
	elseif mode == "W" then
		parts[#parts + 1] = "evt.is_io_write=true"
	else
		parts[#parts + 1] = "evt.is_io=true"
	end
	parts[#parts + 1] = "fd.type=file and evt.dir=< and evt.failed=false"
	chisel.set_filter(table.concat(parts, " and "))
	return true
end

function on_event()
	local rw = evt.field(h.iswrite) == true and "W" or "R"
	print(string.format("%s %s(%s) %s %s %s %s", evt.field(h.time), evt.field(h.pname), evt.field(h.pid), rw,
		format_bytes(evt.field(h.res)), evt.field(h.fdname), evt.field(h.data)))
	return true
end
