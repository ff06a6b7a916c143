-- HTTP request/response pairing for the http chisels: a request seen on a (pid, fd) is completed
-- by the next response on the same (pid, fd).
local M = {}

local f = {}
local pending = {}

function M.init()
	chisel.set_filter("evt.is_io = true and evt.buflen > 0 and (fd.sockfamily = ip or fd.sockfamily = unix)")
	f.buf = chisel.request_field("evt.buffer")
	f.fd = chisel.request_field("fd.num")
	f.pid = chisel.request_field("proc.pid")
	f.rawtime = chisel.request_field("evt.rawtime")
	f.datetime = chisel.request_field("evt.datetime")
	f.dir = chisel.request_field("evt.io_dir")
	f.container = chisel.request_field("container.name")
	sysdig.set_snaplen(1024)
	M.fields = f
end

local function request(buf)
	local method, url = buf:match("^(%u+) ([!-~]+)")
	if not (method and url) then
		return nil
	end
	local host = buf:match("Host: ([!-~]+)%.%.")
	if host then
		url = host .. url
	end
	return { method = method, url = url }
end

local function response(buf)
	local code = buf:match("HTTP/[!-~]+ (%d+)")
	if not code then
		return nil
	end
	local len = buf:match("Content%-Length: (%d+)%.%.") or 0
	return { code = tonumber(code), length = tonumber(len) }
end

-- Feeds the current event; calls done(tr) for every completed transaction
-- tr = { request = {method, url, ts}, response = {code, length, ts}, dir = "<"|">"|"<NA>", container }
function M.feed(done)
	local buf = evt.field(f.buf)
	local key = string.format("%d\001\001%d", evt.field(f.pid), evt.field(f.fd))
	local ts = evt.field(f.rawtime)
	local tr = pending[key]
	if tr == nil then
		local req = request(buf)
		if req then
			local d = evt.field(f.dir)
			req.ts = ts
			pending[key] = { request = req, dir = (d == "read" and "<") or (d == "write" and ">") or "<NA>",
				container = evt.field(f.container) }
		end
		return
	end
	local resp = response(buf)
	if resp then
		resp.ts = ts
		tr.response = resp
		pending[key] = nil
		done(tr)
	end
end

return M
