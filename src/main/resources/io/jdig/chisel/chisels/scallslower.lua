-- System calls slower than a threshold.
description = "Prints every system call that took longer than the given number of milliseconds to return, with its time, process, latency in milliseconds and name. With -pc/-pcontainer the container id and name are shown too; lines are green for host processes and blue for processes in containers."
short_description = "Trace slow syscalls"
category = "Performance"
args = {
	{ name = "min_ms", description = "print only the calls slower than this many milliseconds", argtype = "int", optional = false },
	{ name = "disable_color", description = "pass 'disable_color' to print without colors", argtype = "string", optional = true },
}

require "common"
local term = require "ansiterminal"
local a = require("jdig_slowio").args()

local h = {}
local containers = false

function on_init()
	for k, fld in pairs({ type = "evt.type", datetime = "evt.datetime", pname = "proc.name",
			latency = "evt.latency", cname = "container.name", cid = "container.id" }) do
		h[k] = chisel.request_field(fld)
	end
	containers = sysdig.is_print_container_data()
	local d = function(n) return string.rep("-", n) end
	if containers then
		-- (sysdig's title line has two spaces after container.id)
		print(string.format("%-23.23s %-20.20s  %-20.20s %-23.23s %-20s %s", "evt.datetime", "container.id",
			"container.name", "proc.name", "LATENCY(ms)", "evt.type"))
		print(string.format("%-23.23s %-20.20s %-20.20s %-23.23s %-20s %s", d(23), d(20), d(20), d(23), d(20), d(20)))
	else
		print(string.format("%-23.23s %-23.23s %-20s %s", "evt.datetime", "proc.name", "LATENCY(ms)", "evt.type"))
		print(string.format("%-23.23s %-23.23s %-20s %s", d(23), d(23), d(20), d(20)))
	end
	return true
end

function on_event()
	local ns = evt.field(h.latency)
	if ns == nil then
		return true
	end
	local ms = ns / ONE_MS_IN_NS
	if not (ms > a.min_ms) then
		return true
	end
	local cname = evt.field(h.cname)
	local color = cname ~= "host" and term.blue or term.green
	if containers then
		print(color .. string.format("%-23.23s %-20.20s %-20.20s %-23.23s %-20s %s", evt.field(h.datetime),
			evt.field(h.cid), cname, evt.field(h.pname), ms, evt.field(h.type)))
	else
		print(color .. string.format("%-23.23s %-23.23s %-20s %s", evt.field(h.datetime), evt.field(h.pname),
			ms, evt.field(h.type)))
	end
	return true
end
