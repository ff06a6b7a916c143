-- The slowest system calls of the capture.
require "common"

local TOP = 10

description = "At the end of the capture, prints the " .. TOP .. " system calls with the longest latency, slowest first. Each one is shown as two lines: the call's enter event and its exit event, with event number, latency, process, thread id and arguments."
short_description = "Slowest system calls"
category = "Performance"
args = {}

local h = {}
-- tid -> text of the last enter event seen on that thread
local entered = {}
-- up to TOP entries { latency, enter line, exit line }, slowest first; among equal latencies the earlier call
-- stays in front
local slowest = {}

function on_init()
	for k, fld in pairs({ num = "evt.num", type = "evt.type", args = "evt.args", latency = "evt.latency",
			pname = "proc.name", tid = "thread.tid" }) do
		h[k] = chisel.request_field(fld)
	end
	return true
end

local function keep(lat, enter_line, exit_line)
	local pos = #slowest + 1
	for i, e in ipairs(slowest) do
		if lat > e[1] then
			pos = i
			break
		end
	end
	if pos > TOP then
		return
	end
	table.insert(slowest, pos, { lat, enter_line, exit_line })
	if #slowest > TOP then
		slowest[#slowest] = nil
	end
end

function on_event()
	local lat = evt.field(h.latency)
	local tid = evt.field(h.tid)
	local etype = evt.field(h.type)
	if etype == "switch" then
		return true
	end
	if lat == 0 then
		-- zero latency: an enter event (or an exit with no enter before it), kept to go with the next exit
		entered[tid] = string.format("%d) 0.%.9d %s (%d) > %s %s", evt.field(h.num), 0, evt.field(h.pname) or "",
			tid, etype, evt.field(h.args))
	elseif lat ~= nil then
		if #slowest < TOP or lat > slowest[#slowest][1] then
			local line = string.format("%d) %d.%.9d %s (%d) < %s %s", evt.field(h.num), lat / ONE_S_IN_NS,
				lat % ONE_S_IN_NS, evt.field(h.pname) or "", tid, etype, evt.field(h.args))
			keep(lat, entered[tid], line)
		end
	end
	return true
end

function on_capture_end()
	for _, e in ipairs(slowest) do
		print(tostring(e[2]))
		print(e[3])
	end
	return true
end
