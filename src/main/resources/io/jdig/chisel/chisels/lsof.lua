-- The open file descriptors at one point of the capture, as lsof shows them.
description = "Lists the file descriptors open in every thread as they were at the first event of the capture (or at the first event that matches a filter given after the chisel's arguments): command, pid, tid, user, fd number, type and name. The optional argument is a filter on the fds, e.g. 'proc.name=nginx and fd.type=ipv4'."
short_description = "List (and optionally filter) the open file descriptors."
category = "System State"
args = {
	{ name = "filter", description = "a filter on the fds to list, e.g. 'proc.name=foo and fd.name contains /etc'", argtype = "filter", optional = true },
}

require "common"
local snapshot = require "jdig_snapshot"
snapshot.install(nil, function(threads)
	print(extend_string("COMMAND", 20) .. extend_string("PID", 8) .. extend_string("TID", 8) ..
		extend_string("USER", 8) .. extend_string("FD", 8) .. extend_string("TYPE", 12) .. "NAME")
	for tid, t in snapshot.by_tid(threads) do
		for fd, f in snapshot.by_fd(t.fdtable) do
			print(extend_string(t.comm, 20) .. extend_string(tostring(t.pid), 8) .. extend_string(tostring(tid), 8) ..
				extend_string(t.username, 8) .. extend_string(tostring(fd), 8) ..
				extend_string(tostring(f.type), 12) .. tostring(f.name))
		end
	end
end)
