-- Saves the events near the matches of the capture filter.
description = "Needs a filter on the command line. Prints the time, process and thread of every event that matches it; when the trace has been read, writes to a trace file the events of the same thread that lie within dump_range_ms milliseconds before or after each match (by running jdig again on the same trace). Works on trace files only. Example: jdig -r t.scap -c around out.scap 'evt.type=openat and evt.failed=true'."
short_description = "Export to file the events around the time range where the given filter matches."
category = "Misc"
args = {
	{ name = "dump_file_name", description = "the trace file to write the selected events to", argtype = "string", optional = false },
	{ name = "dump_range_ms", description = "how many milliseconds before and after each match to keep (default 1000)", argtype = "int", optional = true },
}

require "common"
local term = require "ansiterminal"
term.enable_color(true)

local out_file
local range_ms = "1000"
local h = {}
local tty = false
local started = false
local marks

function on_set_arg(name, val)
	if name == "dump_file_name" then
		out_file = val
	elseif name == "dump_range_ms" then
		range_ms = val
	else
		return false
	end
	return true
end

function on_init()
	h.pname = chisel.request_field("proc.name")
	h.tid = chisel.request_field("thread.tid")
	h.time = chisel.request_field("evt.time")
	marks = require("jdig_around").new(range_ms)
	tty = sysdig.is_tty()
	if sysdig.get_filter() == "" then
		print("no filter specified")
		return false
	end
	return true
end

function on_capture_start()
	if sysdig.is_live() then
		print("live capture not supported")
		return false
	end
	started = true
	return true
end

function on_event()
	local tid = evt.field(h.tid)
	print(evt.field(h.time) .. " " .. (evt.field(h.pname) or "<NA>") .. "(" .. tid .. ")")
	marks:mark(tid)
	return true
end

function on_capture_end()
	if tty then
		print(term.reset)
	end
	if not started then
		return
	end
	-- (sysdig's chisel calls the matches "syslog entries"; jdig prints the same line)
	print("\nSaving events around " .. marks:count() .. " syslog entries to " .. out_file)
	marks:write_after(out_file)
end
