-- Run time of every process that exits.
description = "Prints one line for every process that exits, with how long it ran, its name and its arguments. Lines are green (blue for processes in containers), yellow above 3 seconds and red above 10 seconds. With -pc/-pcontainer the container id and name are shown too."
short_description = "Show process execution time"
category = "Performance"
args = {
	{ name = "disable_color", description = "pass 'disable_colors' to print without colors", argtype = "string", optional = true },
}

require "common"
local term = require "ansiterminal"
term.enable_color(true)

local YELLOW_NS = 3000000000
local RED_NS = 10000000000

local f = {}
local with_container = false

function on_set_arg(name, val)
	if val == "disable_colors" then
		term.enable_color(false)
	end
	return true
end

local function row(...)
	if with_container then
		return string.format("%-13.13s %-20.20s %-20.20s %-12.12s %s", ...)
	end
	local a = { ... }
	return string.format("%-13.13s %-12.12s %s", a[1], a[4], a[5])
end

function on_init()
	f.name = chisel.request_field("proc.name")
	f.args = chisel.request_field("proc.args")
	f.duration = chisel.request_field("proc.duration")
	f.cname = chisel.request_field("container.name")
	f.cid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	chisel.set_filter("evt.type=procexit")
	print(row("proc.duration", "container.id", "container.name", "proc.name", "proc.args"))
	print(row("-------------", string.rep("-", 20), string.rep("-", 20), "------------", string.rep("-", 20)))
	return true
end

function on_event()
	local d = evt.field(f.duration)
	if d == nil then
		return true
	end
	local color = term.green
	if d > RED_NS then
		color = term.red
	elseif d > YELLOW_NS then
		color = term.yellow
	elseif evt.field(f.cname) ~= "host" then
		color = term.blue
	end
	print(color .. row(format_time_interval(d), evt.field(f.cid), evt.field(f.cname), evt.field(f.name),
		evt.field(f.args)))
	return true
end

function on_capture_end()
	print(term.reset)
end
