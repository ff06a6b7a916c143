-- CPU usage per container, from the periodic procinfo events.
description = "Lists the containers (and the host) whose processes used the most CPU, as a percentage of the capture duration, from the procinfo events the driver emits. Live, the list is refreshed every second."
short_description = "Top containers by CPU usage"
category = "CPU Usage"
args = {}

require "common"

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

function on_init()
	fname = chisel.request_field("container.name")
	chisel.request_field(cfg.value_fld)
	fcpu = chisel.request_field("thread.cpu")
	chisel.set_filter("evt.type=procinfo")
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

require("jdig_toptable").install(cfg, function()
	local t = by_container
	by_container = {}
	return t
end)
