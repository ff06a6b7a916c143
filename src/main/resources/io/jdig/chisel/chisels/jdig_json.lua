-- Minimal JSON encoder for jdig chisels. encode(value, {indent = true, keyorder = {...}}):
-- objects put each key on its own line, arrays stay on one line, two spaces per nesting level.

local M = {}

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
	['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }

local function quote(s)
	return '"' .. s:gsub('[%c"\\]', function(c)
		return escapes[c] or string.format("\\u%04x", c:byte())
	end) .. '"'
end

local function is_array(t)
	local n = 0
	for k in pairs(t) do
		if type(k) ~= "number" or k < 1 or k % 1 ~= 0 then
			return false, 0
		end
		if k > n then n = k end
	end
	return true, n
end

local function ordered_keys(t, order)
	local keys, seen = {}, {}
	if order then
		for _, k in ipairs(order) do
			if t[k] ~= nil then
				keys[#keys + 1] = k
				seen[k] = true
			end
		end
	end
	local rest = {}
	for k in pairs(t) do
		if not seen[k] then rest[#rest + 1] = k end
	end
	table.sort(rest, function(a, b) return tostring(a) < tostring(b) end)
	for _, k in ipairs(rest) do keys[#keys + 1] = k end
	return keys
end

local function enc(v, level, opts, buf)
	local t = type(v)
	if t == "string" then
		buf[#buf + 1] = quote(v)
	elseif t == "number" then
		if v ~= v or v == math.huge or v == -math.huge then
			buf[#buf + 1] = "null"
		else
			buf[#buf + 1] = tostring(v)
		end
	elseif t == "boolean" then
		buf[#buf + 1] = v and "true" or "false"
	elseif t == "table" then
		local arr, n = is_array(v)
		if arr and (n > 0 or next(v) == nil) then
			buf[#buf + 1] = "["
			for i = 1, n do
				if i > 1 then buf[#buf + 1] = "," end
				enc(v[i], level + 1, opts, buf)
			end
			buf[#buf + 1] = "]"
		else
			buf[#buf + 1] = "{"
			for i, k in ipairs(ordered_keys(v, opts.keyorder)) do
				if i > 1 then buf[#buf + 1] = "," end
				if opts.indent then buf[#buf + 1] = "\n" .. string.rep("  ", level + 1) end
				buf[#buf + 1] = quote(tostring(k)) .. ":"
				enc(v[k], level + 1, opts, buf)
			end
			if opts.indent then buf[#buf + 1] = "\n" .. string.rep("  ", level) end
			buf[#buf + 1] = "}"
		end
	else
		buf[#buf + 1] = "null"
	end
end

function M.encode(v, opts)
	local buf = {}
	enc(v, 0, opts or {}, buf)
	return table.concat(buf)
end

return M
