-- The most frequent, slowest or biggest HTTP requests.
description = "Pairs HTTP requests and responses seen in socket reads and writes and lists the method/URL pairs with the most calls (default), the longest average response time ('time') or the most response bytes ('bytes'). Live, the list is refreshed every second. With -pc/-pcontainer the container name is a key too."
short_description = "Top HTTP requests"
category = "Application"
args = {
	{ name = "by", description = "rank by 'ncalls' (the default), 'time' or 'bytes'", argtype = "string", optional = true },
}

require "common"
local http = require "jdig_http"

local RANKINGS = {
	ncalls = { units = "none" },
	time = { units = "time" },
	bytes = { units = "bytes" },
}

local by = "ncalls"
local cfg = {
	key_fld = { "method", "url" },
	key_desc = { "method", "url" },
	value_fld = "ncalls",
	value_desc = "ncalls",
	value_units = "none",
	top_number = 30,
	output_format = "normal",
}
local with_container = false
-- key -> list of completed transactions
local seen = {}

function on_set_arg(name, val)
	if name ~= "by" then
		return false
	end
	if RANKINGS[val] == nil then
		print("Invalid argument! Valid options: ncalls, bytes, time")
		return false
	end
	by = val
	cfg.value_fld, cfg.value_desc, cfg.value_units = val, val, RANKINGS[val].units
	return true
end

function on_init()
	http.init()
	with_container = sysdig.is_print_container_data()
	if with_container then
		table.insert(cfg.key_fld, 1, "container")
		table.insert(cfg.key_desc, 1, "container")
	end
	return true
end

local function collect(tr)
	local key = tr.request.method .. "\001\001" .. tr.request.url
	if with_container then
		key = tr.container .. "\001\001" .. key
	end
	local list = seen[key]
	if list == nil then
		list = {}
		seen[key] = list
	end
	list[#list + 1] = tr
end

function on_event()
	http.feed(collect)
end

-- key -> the ranking value, and start over
local function totals()
	local t = {}
	for key, list in pairs(seen) do
		local v = 0
		if by == "ncalls" then
			v = #list
		elseif by == "bytes" then
			for _, tr in ipairs(list) do
				v = v + tr.response.length
			end
		else
			for _, tr in ipairs(list) do
				v = v + (tr.response.ts - tr.request.ts)
			end
			v = v / #list
		end
		t[key] = v
	end
	seen = {}
	return t
end

require("jdig_toptable").install(cfg, totals)
