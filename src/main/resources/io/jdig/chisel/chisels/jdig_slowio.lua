-- Shared code of the fileslower and netlower chisels: one line for every I/O call (matching a filter)
-- that took longer than a threshold.
require "common"
local term = require "ansiterminal"

local M = {}

local HEAD = { "evt.datetime", "proc.name", "evt.type", "LATENCY(ms)", "fd.name" }
local HEAD_C = { "evt.datetime", "container.id", "container.name", "proc.name", "evt.type", "LATENCY(ms)", "fd.name" }
local ROW = "%-23.23s %-12.12s %-8s %12d %s"
local ROW_C = "%-23.23s %-20.20s %-20.20s %-12.12s %-8s %12d %s"
local TITLE = "%-23.23s %-12.12s %-8s %-12s %s"
local TITLE_C = "%-23.23s %-20.20s %-20.20s %-12.12s %-8s %-12s %s"

local function dashes(widths)
	local t = {}
	for i, w in ipairs(widths) do
		t[i] = string.rep("-", w)
	end
	return t
end

-- Defines on_set_arg for the min_ms and disable_color arguments (also used by scallslower); the threshold
-- is in the field min_ms of the returned table.
function M.args()
	term.enable_color(true)
	local a = {}
	function on_set_arg(name, val)
		if name == "min_ms" then
			a.min_ms = parse_numeric_input(val, name)
		elseif name == "disable_color" and val == "disable_color" then
			term.enable_color(false)
		end
		return true
	end
	return a
end

-- Defines the chisel callbacks. opts.filter: the I/O to watch; opts.skip_dev: leave out names under /dev/.
function M.install(opts)
	local a = M.args()
	local h = {}
	local containers = false

	function on_init()
		for k, fld in pairs({ type = "evt.type", dir = "evt.dir", datetime = "evt.datetime", fdname = "fd.name",
				pname = "proc.name", latency = "evt.latency", cname = "container.name", cid = "container.id" }) do
			h[k] = chisel.request_field(fld)
		end
		containers = sysdig.is_print_container_data()
		chisel.set_filter(opts.filter)
		if containers then
			print(string.format(TITLE_C, unpack(HEAD_C)))
			print(string.format(TITLE_C, unpack(dashes({ 23, 30, 30, 12, 8, 12, 41 }))))
		else
			print(string.format(TITLE, unpack(HEAD)))
			print(string.format(TITLE, unpack(dashes({ 23, 12, 8, 12, 41 }))))
		end
		return true
	end

	function on_event()
		local ms = evt.field(h.latency) / ONE_MS_IN_NS
		local name = evt.field(h.fdname)
		if evt.field(h.dir) ~= "<" or not (ms > a.min_ms) then
			return true
		end
		if opts.skip_dev and string.sub(name, 1, 5) == "/dev/" then
			return true
		end
		local cname = evt.field(h.cname)
		local color = cname ~= "host" and term.blue or term.green
		local line
		if containers then
			line = string.format(ROW_C, evt.field(h.datetime), evt.field(h.cid), cname, evt.field(h.pname),
				evt.field(h.type), ms, name)
		else
			line = string.format(ROW, evt.field(h.datetime), evt.field(h.pname), evt.field(h.type), ms, name)
		end
		print(color .. line)
		return true
	end
end

return M
