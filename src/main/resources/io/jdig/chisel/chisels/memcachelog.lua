-- memcached get/set commands.
description = "Prints a line for every memcached get or set command seen in the I/O of memcached (or on port 11211): time, method, object size and key. Arguments restrict the log to one method and, for set, to objects of at least a given size."
short_description = "memcached requests log"
category = "Application"
args = {
	{ name = "method", description = "'get' or 'set': print only this method", optional = true },
	{ name = "size", description = "with 'set': print only objects of at least this many bytes", optional = true },
}

require "common"

local only_method
local min_size
local fdata, ftime

function on_set_arg(name, val)
	if name == "method" then
		only_method = val
	elseif name == "size" then
		min_size = tonumber(val)
	else
		return false
	end
	return true
end

function on_init()
	sysdig.set_filter("(fd.sport=11211 or proc.name=memcached) and evt.is_io=true")
	sysdig.set_snaplen(4096)
	fdata = chisel.request_field("evt.arg[1]")
	ftime = chisel.request_field("evt.datetime")
	return true
end

function on_event()
	local data = evt.field(fdata)
	if data == nil then
		return true
	end
	-- a command line: "get KEY" or "set KEY FLAGS EXPTIME BYTES"
	local words = split(data, " ")
	local method, key = words[1], words[2]
	if string.match(method, "^[gs]et") == nil or key == nil then
		return true
	end
	if only_method ~= nil and only_method ~= method then
		return true
	end
	local size = tonumber(words[5]) or 0
	if only_method == "set" and min_size ~= nil and size < min_size then
		return true
	end
	print(string.format("%s method=%s size=%dB key=%s", evt.field(ftime), method, size, key))
	return true
end
