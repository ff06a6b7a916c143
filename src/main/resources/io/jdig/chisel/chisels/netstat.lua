-- The network connections at one point of the capture, as netstat shows them.
description = "Lists the TCP and UDP sockets of every thread as they were at the first event of the capture (or at the first event that matches a filter given after the chisel's arguments): protocol, server and client address, state (ESTABLISHED, or LISTEN for server sockets) and the owning thread. The optional argument narrows the sockets down, e.g. 'proc.name=nginx'."
short_description = "List (and optionally filter) network connections."
category = "System State"
args = {
	{ name = "filter", description = "a filter on the sockets to list, e.g. 'proc.name=foo and fd.port=80'", argtype = "filter", optional = true },
}

require "common"
local snapshot = require "jdig_snapshot"
snapshot.install("(fd.type=ipv4 or fd.type=ipv6)", function(threads)
	print(extend_string("Proto", 6) .. extend_string("Server Address", 25) .. extend_string("Client Address", 25) ..
		extend_string("State", 15) .. "TID/PID/Program Name")
	for tid, t in snapshot.by_tid(threads) do
		for fd, f in snapshot.by_fd(t.fdtable) do
			local client, state = "0.0.0.0:*", "LISTEN"
			if f.cip ~= nil then
				client, state = f.cip .. ":" .. f.cport, "ESTABLISHED"
			end
			print(extend_string(f.l4proto, 6) .. extend_string(f.sip .. ":" .. f.sport, 25) ..
				extend_string(client, 25) .. extend_string(state, 15) .. tid .. "/" .. t.pid .. "/" .. t.comm)
		end
	end
end)
