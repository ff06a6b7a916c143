-- Helper for the chisels that print the state of the machine at one point of a capture (ps, lsof, netstat):
-- the state is taken at the first event that passes the capture filter, then printed at the end.
-- Not a chisel: it has no description.

local snapshot = {}

-- Installs on_capture_start, on_event and on_capture_end in the calling chisel; print_fn(filter) prints the
-- table once the capture has stopped. get_filter() gives the fd filter to apply to the thread table.
function snapshot.install(get_filter, print_fn)
	local capturing, matched = false, false
	function on_capture_start()
		capturing = true
		return true
	end
	function on_event()
		matched = true
		sysdig.end_capture()
		return false
	end
	function on_capture_end()
		if not capturing then
			return
		end
		if not matched then
			print("empty capture or no event matching the filter")
			return
		end
		print_fn(get_filter())
	end
end

-- The threads of a thread table in ascending tid order.
function snapshot.by_tid(ttable)
	local tids = {}
	for tid in pairs(ttable) do
		tids[#tids + 1] = tid
	end
	table.sort(tids)
	local i = 0
	return function()
		i = i + 1
		local tid = tids[i]
		if tid ~= nil then
			return tid, ttable[tid]
		end
	end
end

-- The fds of one thread in ascending order.
function snapshot.by_fd(fdtable)
	return snapshot.by_tid(fdtable)
end

return snapshot
