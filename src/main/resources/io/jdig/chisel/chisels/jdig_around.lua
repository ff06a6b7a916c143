-- Helper of the chisels that save the events near what they print (around, spy_logs, spy_syslog): collects
-- { time, thread } marks and, at the end, asks for a second run that writes the events of each mark's thread
-- within a time range of it to a trace file (sysdig.run_app, the way sysdig does it).
require "common"

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

return M
