-- Heat map of system call latencies, one row per period.
description = "Draws, on an ANSI terminal, one row per period (half a second unless refresh_time says otherwise) showing how many system calls returned with each latency: the columns go from 1ns on the left to 100s on the right on a logarithmic scale, and each cell's color goes from black (none) through green and yellow to red (thousands per second). Combine it with a filter to look at one process, one kind of I/O, one file system."
short_description = "Visualize OS latency in real time."
category = "CPU Usage"
args = {
	{ name = "refresh_time", description = "the period of a row, in milliseconds", argtype = "int", optional = true },
}

require "common"
local term = require "ansiterminal"
term.enable_color(true)
local heatmap = require "jdig_heatmap"

local period = 500 * ONE_MS_IN_NS
local width
local tty = false
local flatency
local counts = {}

function on_set_arg(name, val)
	if name ~= "refresh_time" then
		return false
	end
	period = parse_numeric_input(val, name) * ONE_MS_IN_NS
	return true
end

function on_init()
	tty = sysdig.is_tty()
	if not tty then
		print("This chisel only works on ANSI terminals. Aborting.")
		return false
	end
	width = sysdig.get_terminal_info().width
	chisel.set_filter("evt.dir=<")
	flatency = chisel.request_field("evt.latency")
	term.hidecursor()
	return true
end

function on_capture_start()
	chisel.set_interval_ns(period)
	return true
end

function on_event()
	local lat = evt.field(flatency)
	if lat == 0 then
		return true
	end
	-- 11 decades (1ns .. 100s) over the width of the terminal
	local col = math.floor(math.min(math.log10(lat), 11) * width / 11) + 1
	counts[col] = (counts[col] or 0) + 1
	return true
end

local function axis()
	local x = 0
	while x < width do
		local decade = math.floor(x * 11 / width)
		if decade ~= math.floor((x - 1) * 11 / width) then
			local label = format_time_interval(10 ^ decade)
			io.write("|" .. label)
			x = x + #label + 1
		else
			io.write(" ")
			x = x + 1
		end
	end
	io.write("\n")
end

function on_interval(ts_s, ts_ns, delta)
	heatmap.row(counts, width, ONE_S_IN_NS / period, true)
	axis()
	counts = {}
	return true
end

function on_capture_end(ts_s, ts_ns, delta)
	if tty then
		on_interval(ts_s, ts_ns, 0) -- the last, partial period
		print(term.reset)
		term.showcursor()
	end
	return true
end
