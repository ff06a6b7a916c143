-- Generic "top N" table: groups events by one or more key fields and sums a value field.
-- The top* chisels are thin wrappers that chisel.exec() this one with their settings.

description = "Groups the events that pass a filter by one or more key fields, adds up a value field for each group and prints the groups with the largest totals. Used by the top* chisels; usable directly for custom tables."
short_description = "Group events by keys and total a value"
category = "Filter"
hidden = true

args = {
	{ name = "keys", description = "comma separated list of fields that form the grouping key", argtype = "string" },
	{ name = "keydescs", description = "comma separated column titles, one per key field", argtype = "string" },
	{ name = "value", description = "the field whose values are added up per key", argtype = "string" },
	{ name = "valuedesc", description = "column title of the value", argtype = "string" },
	{ name = "filter", description = "only events matching this filter are counted", argtype = "string" },
	{ name = "top_number", description = "how many rows to print", argtype = "string" },
	{ name = "value_units", description = "value rendering: 'bytes', 'time', 'timepct' or 'none'", argtype = "string" },
}

require "common"

local cfg = {
	key_fld = {}, key_desc = {}, value_fld = "", value_desc = "",
	value_units = "none", top_number = 0, output_format = "normal",
}
local filter = ""
local totals = {}
local key_handles = {}
local value_handle
local native

local setters = {
	keys = function(v) cfg.key_fld = split(v, ",") end,
	keydescs = function(v) cfg.key_desc = split(v, ",") end,
	value = function(v) cfg.value_fld = v end,
	valuedesc = function(v) cfg.value_desc = v end,
	filter = function(v) filter = v end,
	top_number = function(v) cfg.top_number = tonumber(v) end,
	value_units = function(v) cfg.value_units = v end,
}

function on_set_arg(name, val)
	local set = setters[name]
	if set == nil then
		return false
	end
	set(val)
	return true
end

function on_init()
	if #cfg.key_fld ~= #cfg.key_desc then
		print("error: number of entries in keys different from number entries in keydescs")
		return false
	end
	for i, f in ipairs(cfg.key_fld) do
		key_handles[i] = chisel.request_field(f)
	end
	value_handle = chisel.request_field(cfg.value_fld)
	if filter ~= "" then
		chisel.set_filter(filter)
	end
	if chisel.native_sum ~= nil then
		-- jdig runs the per-event loop below in Java, with the same result
		native = chisel.native_sum(key_handles, value_handle)
		on_event = nil
	end
	return true
end

-- the totals so far, and start over
local function take_totals()
	if native ~= nil then
		return native:take()
	end
	local t = totals
	totals = {}
	return t
end

local parts = {}
local field = evt.field
local concat = table.concat

-- the hot path: everything it touches is a local or an upvalue (no global lookups per event)
function on_event()
	local nkeys = #key_handles
	local key
	if nkeys == 1 then
		key = field(key_handles[1])
		if key == nil then
			return true
		end
	else
		for i = 1, nkeys do
			local v = field(key_handles[i])
			if v == nil then
				return true
			end
			parts[i] = v
		end
		key = concat(parts, "\001\001", 1, nkeys)
	end
	local v = field(value_handle)
	if v ~= nil and v > 0 then
		local t = totals
		t[key] = (t[key] or 0) + v
	end
	return true
end

require("jdig_toptable").install(cfg, take_totals)
