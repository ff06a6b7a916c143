-- Heat map of system call latencies, one row per period.
description = "Draws, on an ANSI terminal, one row per period (half a second unless refresh_time says otherwise) showing how many system calls returned with each latency: the columns go from 1ns on the left to 100s on the right on a logarithmic scale, and each cell's color goes from black (none) through green and yellow to red (thousands per second). Combine it with a filter to look at one process, one kind of I/O, one file system."
short_description = "Visualize OS latency in real time."
category = "CPU Usage"
args = {
	{ name = "refresh_time", description = "the period of a row, in milliseconds", argtype = "int", optional = true },
}

require "common"
require("jdig_heatmap").install({
	period = 500 * ONE_MS_IN_NS,
	filter = "evt.dir=<",
	field = "evt.latency",
	column = function(lat, width)
		if lat == 0 then
			return nil
		end
		-- 11 decades (1ns .. 100s) over the width of the terminal
		return math.floor(math.min(math.log10(lat), 11) * width / 11) + 1
	end,
	label = function(x, width)
		local decade = math.floor(x * 11 / width)
		if decade ~= math.floor((x - 1) * 11 / width) then
			return "|" .. format_time_interval(10 ^ decade)
		end
	end,
	empty_fg = true,
	flush_last = true,
})
