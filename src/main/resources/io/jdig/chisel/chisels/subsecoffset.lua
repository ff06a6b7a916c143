-- Heat map of when, within each period, system calls start.
description = "Draws, on an ANSI terminal, one row per period (one second unless refresh_time says otherwise) showing when within the period system calls were entered: the columns split the period from its start on the left to its end on the right, and each cell's color goes from black (none) through green and yellow to red (thousands per second). Patterns that repeat within a second, which averages over whole seconds hide, stand out. Combine it with a filter to look at one process or one kind of activity."
short_description = "Visualize subsecond offset execution time."
category = "CPU Usage"
args = {
	{ name = "refresh_time", description = "the period of a row, in milliseconds", argtype = "int", optional = true },
}

require "common"
local term = require "ansiterminal"
term.enable_color(true)
local heatmap = require "jdig_heatmap"

local period = ONE_S_IN_NS
local width
local label_room = 0
local tty = false
local frawtime
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
	-- room for the widest axis label, as sysdig's chisel computes it
	label_room = #("|" .. (0.9 * period / 10000000) .. "ms")
	chisel.set_filter("evt.dir=>")
	frawtime = chisel.request_field("evt.rawtime")
	term.hidecursor()
	print("Tracing syscalls... red (hot) == high frequency <-> green == low frequency.\n")
	return true
end

function on_capture_start()
	chisel.set_interval_ns(period)
	return true
end

function on_event()
	local t = evt.field(frawtime)
	-- the offset within the period, scaled to the terminal's columns (0 .. width-1; column 0 is not drawn)
	local col = math.floor((((t * 1000 / period) % 1000) / 1000) * width)
	counts[col] = (counts[col] or 0) + 1
	return true
end

local function axis()
	local x = 0
	while x < width do
		local tenth = math.floor(x * 10 / width)
		if tenth ~= math.floor((x - 1) * 10 / width) and x <= width - label_room then
			local label = "|" .. (math.floor(10 * x / width) * period / 10000000) .. "ms"
			io.write(label)
			x = x + #label
		else
			io.write(" ")
			x = x + 1
		end
	end
	io.write("\n")
end

function on_interval(ts_s, ts_ns, delta)
	heatmap.row(counts, width, ONE_S_IN_NS / period, false)
	axis()
	counts = {}
	return true
end

function on_capture_end(ts_s, ts_ns, delta)
	if tty then
		print(term.reset)
		term.showcursor()
	end
	return true
end
