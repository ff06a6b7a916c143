-- Shared code of the spy_ip and spy_port chisels: prints the payload of every network read and write whose
-- connection matches fd.<opts.field>=<the argument opts.arg>, under a colored marker line that is only
-- refreshed when the direction flips.
require "common"
local term = require "ansiterminal"

local M = {}

-- Defines the chisel callbacks. opts.write_label: the marker's word for writes ("Read" in spy_ip, like sysdig's).
function M.install(opts)
	term.enable_color(true)
	local value
	local h = {}
	local last_dir
	local marker

	function on_set_arg(name, val)
		if name == opts.arg then
			value = val
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
		chisel.set_filter("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6) and fd." .. opts.field .. "=" .. value)
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
			if dir == "r" then
				marker = term.red .. "------ Read " .. format_bytes(res)
			else
				marker = term.blue .. "------ " .. opts.write_label .. " " .. format_bytes(res)
			end
		end
		print(marker)
		print(payload)
		return true
	end

	function on_capture_end()
		print(term.reset)
	end
end

return M
