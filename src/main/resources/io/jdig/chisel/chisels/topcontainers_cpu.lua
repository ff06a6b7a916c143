-- CPU usage per container, from the periodic procinfo events.
description = "Lists the containers (and the host) whose processes used the most CPU, as a percentage of the capture duration, from the procinfo events the driver emits. Live, the list is refreshed every second."
short_description = "Top containers by CPU usage"
category = "CPU Usage"
args = {}

require "common"
local term = require "ansiterminal"

local cfg = {
	key_fld = { "container.name" },
	key_desc = { "container.name" },
	value_fld = "thread.exectime",
	value_desc = "CPU%",
	value_units = "timepct",
	top_number = 10,
	output_format = "normal",
}
local by_container = {}
local fname, fcpu
local live = false

function on_init()
	fname = chisel.request_field("container.name")
	chisel.request_field(cfg.value_fld)
	fcpu = chisel.request_field("thread.cpu")
	chisel.set_filter("evt.type=procinfo")
	return true
end

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

function on_event()
	local name = evt.field(fname)
	local cpu = evt.field(fcpu)
	if name ~= nil and cpu ~= nil then
		-- thread.cpu is in hundredths of a second: scaled to ns for print_sorted_table's timepct
		by_container[name] = (by_container[name] or 0) + cpu * 10000000
	end
	return true
end

local function show(ts_s, delta)
	print_sorted_table(by_container, ts_s, 0, delta, cfg)
	by_container = {}
end

function on_interval(ts_s, ts_ns, delta)
	if cfg.output_format ~= "json" then
		term.clearscreen()
		term.moveto(0, 0)
	end
	show(ts_s, delta)
	return true
end

function on_capture_end(ts_s, ts_ns, delta)
	if live and cfg.output_format ~= "json" then
		term.clearscreen()
		term.moveto(0, 0)
		term.showcursor()
		return true
	end
	show(ts_s, delta)
	return true
end
