-- Helper for the chisels that print the state of the machine at one point of a capture (ps, lsof, netstat):
-- the state is taken at the first event that passes the capture filter, then printed at the end.
-- Not a chisel: it has no description.

local snapshot = {}

-- Installs on_set_arg, on_init, on_capture_start, on_event and on_capture_end in the calling chisel. The chisel's
-- optional "filter" argument narrows the fds down (joined to base_filter, which may be nil); once the capture has
-- stopped, print_threads(threads) prints the thread table taken with that filter.
function snapshot.install(base_filter, print_threads)
	local fd_filter = base_filter
	function on_set_arg(name, val)
		if name ~= "filter" then
			return false
		end
		if fd_filter == nil then
			fd_filter = val
		else
			fd_filter = fd_filter .. " and (" .. val .. ")"
		end
		return true
	end
	function on_init()
		return true
	end
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
		print_threads(sysdig.get_thread_table(fd_filter))
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
