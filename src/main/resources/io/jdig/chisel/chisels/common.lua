-- jdig chisel helpers.
-- Written for jdig; offers the global helper functions that sysdig chisels expect from
-- `require "common"` (extend_string, split, format_bytes, print_sorted_table, ...), so third-party
-- chisels run unchanged even where sysdig's own chisel directory is not installed.

local SPACES = string.rep(" ", 256)

-- Pads s with spaces to n columns; a string that does not fit is cut to n-1 chars plus a space.
function extend_string(s, n)
	local len = #s
	if len < n then
		if n - len <= #SPACES then
			return s .. SPACES:sub(1, n - len)
		end
		return s .. string.rep(" ", n - len)
	end
	if n <= 0 then
		return ""
	end
	return s:sub(1, n - 1) .. " "
end

-- Splits s at every occurrence of the plain-text separator sep.
function split(s, sep)
	s = tostring(s) -- a lone numeric key (a port, a pid) is split like its text
	local parts = {}
	local from = 1
	local seplen = #sep
	while true do
		local a, b = string.find(s, sep, from, true)
		if a == nil or seplen == 0 then
			parts[#parts + 1] = s:sub(from)
			return parts
		end
		parts[#parts + 1] = s:sub(from, a - 1)
		from = b + 1
	end
end

function starts_with(s, prefix)
	return prefix == "" or s:sub(1, #prefix) == prefix
end

function ends_with(s, suffix)
	return suffix == "" or s:sub(-#suffix) == suffix
end

local KB = 1024
local UNITS = { {KB ^ 5, "P"}, {KB ^ 4, "T"}, {KB ^ 3, "G"}, {KB ^ 2, "M"}, {KB, "KB"} }

-- 1536 -> "1.50KB"; a unit is used only when the value is strictly above it.
function format_bytes(v)
	for _, u in ipairs(UNITS) do
		if v > u[1] then
			return string.format("%.2f%s", v / u[1], u[2])
		end
	end
	return string.format("%dB", v)
end

ONE_S_IN_NS = 1000000000
ONE_MS_IN_NS = 1000000
ONE_US_IN_NS = 1000

-- Nanoseconds as text: 1.25s, 37ms, 3.07ms, 21us, 3.07us, 512ns (fractions truncated, not rounded).
function format_time_interval(v)
	local function whole_frac(unit, fracunit, suffix)
		return string.format("%u.%02u%s", math.floor(v / unit), math.floor((v % unit) / fracunit), suffix)
	end
	if v >= ONE_S_IN_NS then
		return whole_frac(ONE_S_IN_NS, 10000000, "s")
	elseif v >= 10 * ONE_MS_IN_NS then
		return string.format("%ums", math.floor(v / ONE_MS_IN_NS))
	elseif v >= ONE_MS_IN_NS then
		return whole_frac(ONE_MS_IN_NS, 10000, "ms")
	elseif v >= 10 * ONE_US_IN_NS then
		return string.format("%uus", math.floor(v / ONE_US_IN_NS))
	elseif v >= ONE_US_IN_NS then
		return whole_frac(ONE_US_IN_NS, 10, "us")
	end
	return string.format("%uns", v)
end

-- Iterator over the num (0 = all) entries of t that come first according to order(t, a, b).
function pairs_top_by_val(t, num, order)
	local keys = {}
	for k in pairs(t) do
		keys[#keys + 1] = k
	end
	table.sort(keys, function(a, b) return order(t, a, b) end)
	local limit = #keys
	if num ~= nil and num ~= 0 and num < limit then
		limit = num
	end
	local i = 0
	return function()
		i = i + 1
		if i <= limit then
			return keys[i], t[keys[i]]
		end
	end
end

function ts_to_str(s, ns)
	return string.format("%u%.9u", s, ns)
end

json = require "jdig_json"

local COLUMN = 20
local RULE = string.rep("-", 80)

local function render_value(v, units, timedelta)
	if units == "bytes" then
		return format_bytes(v)
	elseif units == "time" then
		return format_time_interval(v)
	elseif units == "timepct" then
		if timedelta > 0 then
			return string.format("%.2f%%", v / timedelta * 100)
		end
		return "0.00%"
	elseif units == "none" then
		return tostring(v)
	end
	return nil
end

-- Prints a key -> value table sorted by value (descending), as a text table or, in json mode,
-- as {info, ts, data}. Keys made of several fields are joined with "\001\001".
function print_sorted_table(stable, ts_s, ts_ns, timedelta, viz_info)
	local rows = pairs_top_by_val(stable, viz_info.top_number,
		function(t, a, b) return t[a] > t[b] end)

	if viz_info.output_format == "json" then
		local data = {}
		for k, v in rows do
			local cols = split(k, "\001\001")
			cols[#cols + 1] = v
			data[#data + 1] = cols
		end
		local info = {}
		for i, fld in ipairs(viz_info.key_fld) do
			info[i] = { name = fld, desc = viz_info.key_desc[i], is_key = true }
		end
		info[3] = { name = viz_info.value_fld, desc = viz_info.value_desc, is_key = false }
		print(json.encode({ ts = sysdig.make_ts(ts_s, ts_ns), data = data, info = info },
			{ indent = true, keyorder = { "info", "ts", "data", "is_key", "name", "desc" } }))
		return
	end

	local header = { extend_string(viz_info.value_desc, COLUMN) }
	for _, d in ipairs(viz_info.key_desc) do
		header[#header + 1] = extend_string(d, COLUMN)
	end
	print(table.concat(header))
	print(RULE)

	for k, v in rows do
		local cols = split(k, "\001\001")
		local line = {}
		for i, c in ipairs(cols) do
			if i < #cols then
				line[#line + 1] = extend_string(c:sub(1, COLUMN), COLUMN)
			else
				line[#line + 1] = c
			end
		end
		local vs = render_value(v, viz_info.value_units, timedelta)
		if vs ~= nil then
			print(extend_string(vs, COLUMN) .. table.concat(line))
		end
	end
end

-- tonumber() or, for bad input, a message and exit.
function parse_numeric_input(value, name)
	local n = tonumber(value)
	if n == nil then
		print(string.format("Input %s must be a number.", name))
		os.exit()
	end
	return n
end

function copytable(orig)
	if type(orig) ~= "table" then
		return orig
	end
	local c = {}
	for k, v in next, orig, nil do
		c[copytable(k)] = copytable(v)
	end
	return setmetatable(c, copytable(getmetatable(orig)))
end

function concattable(dst, src)
	for i = 1, #src do
		dst[#dst + 1] = src[i]
	end
	return dst
end

function typeof(v)
	local t = type(v)
	if t ~= "table" and t ~= "userdata" then
		return t
	end
	local mt = getmetatable(v)
	if mt ~= nil and mt._NAME ~= nil then
		return mt._NAME
	end
	return t
end

-- Serializes a value as Lua-like text (debugging aid).
function st(val, name, skipnewlines, depth)
	depth = depth or 0
	local nl = skipnewlines and "" or "\n"
	local out = string.rep(" ", depth)
	if name then
		out = out .. name .. " = "
	end
	local t = type(val)
	if t == "table" then
		out = out .. "{" .. nl
		for k, v in pairs(val) do
			out = out .. st(v, k, skipnewlines, depth + 1) .. "," .. nl
		end
		return out .. string.rep(" ", depth) .. "}"
	elseif t == "number" or t == "boolean" then
		return out .. tostring(val)
	elseif t == "string" then
		return out .. string.format("%q", val)
	end
	return out .. "\"[inserializeable datatype:" .. t .. "]\""
end
