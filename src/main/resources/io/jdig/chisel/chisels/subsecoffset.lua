-- Heat map of when, within each period, system calls start.
description = "Draws, on an ANSI terminal, one row per period (one second unless refresh_time says otherwise) showing when within the period system calls were entered: the columns split the period from its start on the left to its end on the right, and each cell's color goes from black (none) through green and yellow to red (thousands per second). Patterns that repeat within a second, which averages over whole seconds hide, stand out. Combine it with a filter to look at one process or one kind of activity."
short_description = "Visualize subsecond offset execution time."
category = "CPU Usage"
args = {
	{ name = "refresh_time", description = "the period of a row, in milliseconds", argtype = "int", optional = true },
}

require "common"
require("jdig_heatmap").install({
	period = ONE_S_IN_NS,
	filter = "evt.dir=>",
	field = "evt.rawtime",
	column = function(t, width, period)
		-- the offset within the period, scaled to the terminal's columns (0 .. width-1; column 0 is not drawn)
		return math.floor((((t * 1000 / period) % 1000) / 1000) * width)
	end,
	label = function(x, width, period)
		local tenth = math.floor(x * 10 / width)
		-- room for the widest axis label, as sysdig's chisel computes it
		if tenth ~= math.floor((x - 1) * 10 / width) and x <= width - #("|" .. (0.9 * period / 10000000) .. "ms") then
			return "|" .. (math.floor(10 * x / width) * period / 10000000) .. "ms"
		end
	end,
	empty_fg = false,
	banner = "Tracing syscalls... red (hot) == high frequency <-> green == low frequency.\n",
})
