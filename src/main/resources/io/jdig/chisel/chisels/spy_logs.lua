-- Writes to log files, one printed line per logged line.
description = "Prints every line written to a log file: a file whose name contains '.log', '_log' or /var/log (compressed .gz/.tgz files excepted), preceded by the process and the file name. Add a filter such as proc.name=foo or 'evt.buffer contains foo' to narrow it down. With dump_file_name, the events of the writing thread around each log write are saved to that trace file once the trace has been read (dump_range_ms before and after, 1000 by default). On a terminal, lines are colored: yellow when they mention a warning, red an error, green otherwise. With -pc/-pcontainer the container name is printed too (blue for containers)."
short_description = "Echo any write made by any process to a log file. Optionally, export the events around each log message to file."
category = "Logs"
args = {
	{ name = "dump_file_name", description = "save the events around each log write to this trace file", argtype = "string", optional = true },
	{ name = "dump_range_ms", description = "milliseconds before and after each log write to save (default 1000)", argtype = "int", optional = true },
	{ name = "disable_color", description = "pass 'disable_color' to print without colors", argtype = "string", optional = true },
}

require "common"
local term = require "ansiterminal"
local export = require("jdig_around").install_export()

local LOG_FILES = "(fd.name contains .log or fd.name contains _log or fd.name contains /var/log)"
	.. " and not (fd.name contains .gz or fd.name contains .tgz)"

local h = {}
local containers = false

function on_init()
	for k, fld in pairs({ buf = "evt.buffer", tid = "thread.tid", pname = "proc.name", fdname = "fd.name",
			cname = "container.name" }) do
		h[k] = chisel.request_field(fld)
	end
	containers = sysdig.is_print_container_data()
	sysdig.set_snaplen(2000)
	sysdig.set_output_format("ascii")
	chisel.set_filter("(" .. LOG_FILES .. ") and evt.is_io_write=true and evt.dir=< and evt.failed=false")
	export.init()
	return true
end

local function render(cname, prefix, msg)
	if not export.tty then
		if containers then
			return string.format("%s %s%s", cname, prefix, msg)
		end
		return prefix .. msg
	end
	local color = term.green
	if string.find(string.lower(msg), "warn") then
		color = term.yellow
	elseif string.find(msg, "err") then -- (case sensitive, like sysdig's)
		color = term.red
	end
	if containers then
		local ccolor = cname ~= "host" and term.blue or color
		return string.format("%s %s %s", color, string.format("%s %s", ccolor, cname),
			string.format("%s %s%s", color, prefix, msg))
	end
	return string.format("%s %s%s", color, prefix, msg)
end

function on_event()
	local cname = evt.field(h.cname)
	local prefix = evt.field(h.pname) .. " " .. evt.field(h.fdname) .. " "
	for _, msg in ipairs(split(evt.field(h.buf), "\n")) do
		if msg ~= "" then
			print(render(cname, prefix, msg))
		end
	end
	export.mark(evt.field(h.tid))
	return true
end
