-- Messages sent to syslog.
description = "Prints every message a process sends to syslog (writes to /dev/log) as facility.severity, process[thread] and the message. Add a filter such as proc.name=foo or 'syslog.message contains foo' to narrow it down. With dump_file_name, the events of the sending thread around each message are saved to that trace file once the trace has been read (dump_range_ms before and after, 1000 by default). On a terminal, lines are colored by severity: red for errors and worse, yellow for warnings, green otherwise (blue for containers)."
short_description = "Print every message written to syslog. Optionally, export the events around each syslog message to file."
category = "Logs"
args = {
	{ name = "dump_file_name", description = "save the events around each message to this trace file", argtype = "string", optional = true },
	{ name = "dump_range_ms", description = "milliseconds before and after each message to save (default 1000)", argtype = "int", optional = true },
	{ name = "disable_color", description = "pass 'disable_color' to print without colors", argtype = "string", optional = true },
}

require "common"
local term = require "ansiterminal"
local export = require("jdig_around").install_export()

local h = {}
local containers = false

function on_init()
	for k, fld in pairs({ fac = "syslog.facility.str", sev = "syslog.severity.str", sevcode = "syslog.severity",
			msg = "syslog.message", tid = "thread.tid", pname = "proc.name", cname = "container.name",
			cid = "container.id" }) do
		h[k] = chisel.request_field(fld)
	end
	containers = sysdig.is_print_container_data()
	sysdig.set_snaplen(1000)
	chisel.set_filter("fd.name contains /dev/log and evt.is_io_write=true and evt.dir=< and evt.failed=false")
	export.init()
	return true
end

function on_event()
	local fac, sev, msg = evt.field(h.fac), evt.field(h.sev), evt.field(h.msg)
	local sevcode = evt.field(h.sevcode)
	local tid, pname = evt.field(h.tid), evt.field(h.pname)
	local cname, cid = evt.field(h.cname), evt.field(h.cid)
	local line
	if export.tty then
		local color
		if sevcode == 4 then
			color = term.yellow
		elseif sevcode < 4 then
			color = term.red
		elseif cname ~= "host" then
			color = term.blue
		else
			color = term.green
		end
		if containers then
			line = string.format("%s%-20s %-20s %s.%s %s[%u] %s", color, cid, cname, fac, sev, pname, tid, msg)
		else
			line = string.format("%s%s.%s %s[%u] %s", color, fac, sev, pname, tid, msg)
		end
	elseif containers then
		-- sysdig prints the facility first here, then the container id and name, then the severity
		line = string.format("%-20s %-20s %s.%s %s[%u] %s", fac, cid, cname, sev, pname, tid, msg)
	else
		line = string.format("%s.%s %s[%u] %s", fac, sev, pname, tid, msg)
	end
	print(line)
	export.mark(tid)
	return true
end
