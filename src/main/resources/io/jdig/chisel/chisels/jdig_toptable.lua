-- Shared code of table_generator, topprocs_cpu, topcontainers_cpu and httptop: print_sorted_table every
-- second on a live capture (over a cleared screen, unless the output is JSON), once at the end of a trace file.
require "common"
local term = require "ansiterminal"

local M = {}

-- Defines on_capture_start, on_interval and on_capture_end. cfg: print_sorted_table's settings (its
-- output_format is set at the start); take(): the table to print (key -> value), starting over.
function M.install(cfg, take)
	local live = false

	function on_capture_start()
		live = sysdig.is_live()
		cfg.output_format = sysdig.get_output_format()
		if live then
			chisel.set_interval_s(1)
			if cfg.output_format ~= "json" then
				term.clearscreen()
				term.hidecursor()
			end
		end
		return true
	end

	function on_interval(ts_s, ts_ns, delta)
		if cfg.output_format ~= "json" then
			term.clearscreen()
			term.moveto(0, 0)
		end
		print_sorted_table(take(), ts_s, 0, delta, cfg)
		return true
	end

	function on_capture_end(ts_s, ts_ns, delta)
		if live and cfg.output_format ~= "json" then
			term.clearscreen()
			term.moveto(0, 0)
			term.showcursor()
			return true
		end
		print_sorted_table(take(), ts_s, 0, delta, cfg)
		return true
	end
end

return M
