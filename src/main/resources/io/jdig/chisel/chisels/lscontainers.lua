-- The containers known at the start of the capture.
description = "Prints the containers known when the capture starts (for a trace file: the containers it describes before its first event), one a line with type, image, name and id. With the 'desc' argument the container table is dumped as a Lua-like structure instead."
short_description = "List the running containers"
category = "System State"
args = {
	{ name = "desc", description = "pass 'desc' to dump the table as a data structure", argtype = "string", optional = true },
}

require "common"

local as_structure = false
local started = false

function on_set_arg(name, val)
	if name == "desc" and val == "desc" then
		as_structure = true
		return true
	end
	return false
end

function on_capture_start()
	started = true
	return true
end

function on_event()
	-- one event is enough: the table is read at the end of the capture
	sysdig.end_capture()
	return true
end

local COLUMNS = { { "type", "container.type", 15 }, { "image", "container.image", 16 },
	{ "name", "container.name", 20 }, { "id", "container.id", 13 } }

local function row(cells)
	local t = {}
	for i, c in ipairs(COLUMNS) do
		t[i] = extend_string(cells[i], c[3])
	end
	print(table.concat(t))
end

function on_capture_end()
	if not started then
		return
	end
	local containers = sysdig.get_container_table()
	if as_structure then
		print(st(containers))
		return
	end
	local titles, rules = {}, {}
	for i, c in ipairs(COLUMNS) do
		titles[i] = c[2]
		rules[i] = string.rep("-", c[3])
	end
	row(titles)
	row(rules)
	local keys = {}
	for k in pairs(containers) do
		keys[#keys + 1] = k
	end
	table.sort(keys)
	for _, k in ipairs(keys) do
		local c = containers[k]
		local cells = {}
		for i, col in ipairs(COLUMNS) do
			cells[i] = tostring(c[col[1]])
		end
		row(cells)
	end
end
