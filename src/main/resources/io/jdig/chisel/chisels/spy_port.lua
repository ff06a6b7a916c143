-- Network payloads exchanged through one port number.
description = "Prints the payload of every network read and write on a connection that uses the given port number (local or remote). Each payload is preceded by a colored marker line (red for reads, blue for writes); consecutive transfers in the same direction share the marker of the first one. The -x, -X and -A switches change how the payloads are rendered."
short_description = "Show the data exchanged using the given IP port number"
category = "Net"
args = {
	{ name = "host_port", description = "the port number to watch", argtype = "int" },
	{ name = "disable_color", description = "pass 'disable_colors' to print without colors", argtype = "string", optional = true },
}

require "common"
local term = require "ansiterminal"
term.enable_color(true)

local port
local h = {}
-- like sysdig's chisel, the marker is only refreshed when the direction flips
local last_dir
local marker

function on_set_arg(name, val)
	if name == "host_port" then
		port = val
	elseif name == "disable_color" then
		if val == "disable_colors" then
			term.enable_color(false)
		end
	else
		return false
	end
	return true
end

function on_init()
	h.data = chisel.request_field("evt.arg.data")
	h.isread = chisel.request_field("evt.is_io_read")
	h.res = chisel.request_field("evt.rawarg.res")
	sysdig.set_snaplen(1000)
	chisel.set_filter("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6) and fd.port=" .. port)
	return true
end

function on_event()
	local res = evt.field(h.res)
	if res == nil or res <= 0 then
		return true
	end
	local payload = evt.field(h.data)
	if payload == nil then
		return true
	end
	local dir = evt.field(h.isread) and "r" or "w"
	if dir ~= last_dir then
		last_dir = dir
		marker = dir == "r" and (term.red .. "------ Read " .. format_bytes(res))
			or (term.blue .. "------ Write " .. format_bytes(res))
	end
	print(marker)
	print(payload)
	return true
end

function on_capture_end()
	print(term.reset)
end
