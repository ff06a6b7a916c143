-- Helper of the chisels that save the events near what they print (around, spy_logs, spy_syslog): collects
-- { time, thread } marks and, at the end, asks for a second run that writes the events of each mark's thread
-- within a time range of it to a trace file (sysdig.run_app, the way sysdig does it).
require "common"
local term = require "ansiterminal"

local M = {}
M.__index = M

function M.new(range_ms)
	return setmetatable({ range_ms = range_ms or "1000", marks = {} }, M)
end

-- Remembers the current event's time and the given thread.
function M:mark(tid)
	local s, ns = evt.get_ts()
	self.marks[#self.marks + 1] = { s, ns, tid }
end

function M:count()
	return #self.marks
end

-- The filter that selects the events near the marks ("" when there are none: the whole trace).
function M:filter()
	local terms = {}
	for i, m in ipairs(self.marks) do
		terms[i] = "(evt.around[" .. ts_to_str(m[1], m[2]) .. "]=" .. self.range_ms .. " and thread.tid=" .. m[3] .. ")"
	end
	return table.concat(terms, " or ")
end

-- Schedules the run that writes the selected events of the trace being read to out_file.
function M:write_after(out_file)
	sysdig.run_app("-F -r" .. sysdig.get_evtsource_name() .. " -w" .. out_file .. " " .. self:filter())
end

-- Defines on_set_arg, on_capture_start and on_capture_end for the chisels that print lines and can save
-- the events around each one (spy_logs, spy_syslog: optional dump_file_name, dump_range_ms, disable_color).
-- The chisel calls st.init() from on_init and st.mark(tid) for each printed event; st.tty tells whether
-- the output is a terminal.
function M.install_export()
	term.enable_color(true)
	local st = { tty = false }
	local out_file
	local range_ms = "1000"
	local marks
	local started = false

	function on_set_arg(name, val)
		if name == "dump_file_name" then
			out_file = val
		elseif name == "dump_range_ms" then
			range_ms = val
		elseif name == "disable_color" and val == "disable_color" then
			term.enable_color(false)
		else
			return false -- as in sysdig, any other disable_color value is refused
		end
		return true
	end

	function st.init()
		st.tty = sysdig.is_tty()
		if out_file ~= nil then
			marks = M.new(range_ms)
		end
	end

	function st.mark(tid)
		if marks ~= nil then
			marks:mark(tid)
		end
	end

	function on_capture_start()
		if marks ~= nil and sysdig.is_live() then
			print("events export not supported on live captures")
			return false
		end
		started = true
		return true
	end

	function on_capture_end()
		if st.tty then
			print(term.reset)
		end
		if marks ~= nil and started then
			print("Writing events for " .. marks:count() .. " log entries")
			marks:write_after(out_file)
		end
	end

	return st
end

return M
