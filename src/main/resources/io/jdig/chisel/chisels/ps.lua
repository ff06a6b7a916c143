-- The processes and threads of the machine at one point of the capture, as ps shows them.
description = "Lists the threads of the machine as they were at the first event of the capture (or at the first event that matches a filter given after the chisel's arguments), with their user, virtual and resident memory, fd limit and command. The optional argument is a filter on file descriptors: only the threads with a matching fd are listed, e.g. 'fd.name contains /etc'."
short_description = "List (and optionally filter) the machine processes."
category = "System State"
args = {
	{ name = "filter", description = "a filter on file descriptors, e.g. 'fd.name contains /etc': only threads with a matching fd are listed", argtype = "filter", optional = true },
}

require "common"
local snapshot = require "jdig_snapshot"
snapshot.install(nil, function(threads)
	print(extend_string("TID", 8) .. extend_string("PID", 8) .. extend_string("USER", 12) ..
		extend_string("VIRT", 11) .. extend_string("RES", 11) .. extend_string("FDLIMIT", 10) ..
		extend_string("CMD", 20))
	for tid, t in snapshot.by_tid(threads) do
		print(extend_string(tostring(tid), 8) .. extend_string(tostring(t.pid), 8) ..
			extend_string(t.username, 12) .. extend_string(format_bytes(t.vmsize_kb * 1024), 11) ..
			extend_string(format_bytes(t.vmrss_kb * 1024), 11) .. extend_string(tostring(t.fdlimit), 10) ..
			t.comm)
	end
end)
