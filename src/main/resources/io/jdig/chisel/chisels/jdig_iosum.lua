-- Shared body of the iobytes* chisels: per-second totals of bytes read and written by the
-- I/O events that match a filter, printed as "HH:MM:SS in:N out:N tot:N".
local M = {}

function M.install(filter)
	local fbytes, ftime, fisread
	local tin, tout = 0, 0

	function on_init()
		fbytes = chisel.request_field("evt.rawarg.res")
		ftime = chisel.request_field("evt.time.s")
		fisread = chisel.request_field("evt.is_io_read")
		chisel.set_filter(filter)
		chisel.set_interval_s(1)
		return true
	end

	function on_event()
		local n = evt.field(fbytes)
		if n ~= nil and n > 0 then
			if evt.field(fisread) then
				tin = tin + n
			else
				tout = tout + n
			end
		end
		return true
	end

	-- runs on the first event of a new second; the time printed is that event's
	function on_interval()
		print(string.format("%s in:%s out:%s tot:%s", evt.field(ftime), tostring(tin), tostring(tout),
			tostring(tin + tout)))
		tin, tout = 0, 0
		return true
	end
end

return M
