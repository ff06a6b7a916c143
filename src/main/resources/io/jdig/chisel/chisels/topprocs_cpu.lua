-- CPU usage per process, from the periodic procinfo events.
description = "Lists the processes that used the most CPU, as a percentage of the capture duration, from the procinfo events the driver emits. With -pc/-pcontainer the container of each process is shown too."
short_description = "Top processes by CPU usage"
category = "CPU Usage"
args = {}

require "common"

local cfg = {
	key_fld = { "proc.name", "proc.pid" },
	key_desc = { "Process", "PID" },
	value_fld = "thread.exectime",
	value_desc = "CPU%",
	value_units = "timepct",
	top_number = 10,
	output_format = "normal",
}
local usage = {}
local keys = {}
local fcpu

function on_init()
	if sysdig.is_print_container_data() then
		cfg.key_fld = { "proc.name", "proc.pid", "proc.vpid", "container.name" }
		cfg.key_desc = { "Process", "Host_pid", "Container_pid", "container.name" }
	end
	for i, f in ipairs(cfg.key_fld) do
		keys[i] = chisel.request_field(f)
	end
	chisel.request_field(cfg.value_fld)
	fcpu = chisel.request_field("thread.cpu")
	chisel.set_filter("evt.type=procinfo")
	return true
end

function on_event()
	local parts = {}
	for i, h in ipairs(keys) do
		local v = evt.field(h)
		if v == nil then
			return true
		end
		parts[i] = tostring(v)
	end
	local key = table.concat(parts, "\001\001")
	local cpu = evt.field(fcpu)
	if cpu ~= nil then
		-- scaled so that print_sorted_table's timepct (value / delta * 100) gives the percentage
		usage[key] = (usage[key] or 0) + cpu * 10000000
	end
	return true
end

require("jdig_toptable").install(cfg, function()
	local t = usage
	usage = {}
	return t
end)
