-- Number of distinct fds seen per value of any field.
description = "Counts the distinct file descriptors (fd number plus name) that are used, grouped by the field you give; for example the number of connections of each process or of each remote endpoint."
short_description = "FD count, aggregated by an arbitrary filter field"
category = "I/O"
args = {
	{ name = "key", description = "the field to group by", argtype = "string" },
}

require "common"

local key_name = ""
local fkey, ffdnum, ffdname
local groups = {}   -- key -> { n = distinct fds, seen = { [fd id] = true } }

function on_set_arg(name, val)
	if name ~= "key" then
		return false
	end
	key_name = val
	return true
end

function on_init()
	fkey = chisel.request_field(key_name)
	ffdnum = chisel.request_field("fd.num")
	ffdname = chisel.request_field("fd.name")
	return true
end

function on_event()
	local k = evt.field(fkey)
	local num = evt.field(ffdnum)
	local name = evt.field(ffdname)
	if k == nil or num == nil or num <= 0 or name == nil or name == "" then
		return true
	end
	local g = groups[k]
	if g == nil then
		g = { n = 0, seen = {} }
		groups[k] = g
	end
	local id = tostring(num) .. name
	if not g.seen[id] then
		g.seen[id] = true
		g.n = g.n + 1
	end
	return true
end

function on_capture_end()
	local counts = {}
	for k, g in pairs(groups) do
		counts[k] = g.n
	end
	for k, n in pairs_top_by_val(counts, 0, function(t, a, b) return t[a] > t[b] end) do
		print(k, n)
	end
	return true
end
