-- A test chisel of jdig: the order in which pairs visits tables whose keys are all numbers (LuaJIT gives
-- the same order on every run), built in the ways chisels build them.
description = "prints the pairs order of number-keyed tables"
short_description = "pairs order"
category = "misc"
args = {}
function on_init() return true end
function on_event() return true end
local function dump(name, t)
  local s = {}
  for k, v in pairs(t) do s[#s+1] = tostring(k) end
  print(name .. ": " .. table.concat(s, " "))
end
function on_capture_end()
  local a = {[21]='ftp', [22]='ssh', [23]='telnet', [25]='smtp', [53]='dns', [80]='http', [8080]='http', [443]='https', [3306]='mysql', [5432]='pg', [6379]='redis', [11211]='mc'}
  for j = 9200, 9260 do a[j] = 'es' end
  dump("ctor+loop", a)
  local b = {}
  local x = 12345
  for i = 1, 300 do x = (x * 1103515245 + 12345) % 2147483648; b[x % 100000] = i end
  dump("lcg", b)
  for k, v in pairs(b) do if v % 3 == 0 then b[k] = nil end end
  for i = 1, 50 do x = (x * 1103515245 + 12345) % 2147483648; b[x % 1000] = i end
  dump("lcg-del-add", b)
  local c = {}
  for i = 0, 40 do c[i * 2] = i end
  c[-5] = 1; c[1.5] = 2; c[-0.25] = 3; c[100000] = 4
  dump("mixed", c)
  local d = {10, 20, 30, nil, 50, [7] = 7, [100] = 100, [3.25] = 1}
  dump("arr", d)
  local e = {}
  for i = 1, 20 do e[i] = i end
  for i = 1, 15 do e[i] = nil end
  e[1000] = 1; e[77] = 2
  dump("shrink", e)
  local f = {}
  for i = 1, 200 do f[i * 37 % 1009] = i end
  dump("mod", f)
  local g = {}
  for i = 1, 10 do g[i * 1000] = nil end
  g[5] = 1; g[3000] = 2
  dump("nilkeys", g)
  -- a string key: LuaJIT's order is then per run (its string hashing is seeded), so only the keys are compared
  local h = {}
  for i = 1, 30 do h[i * 7] = i end
  h.name = "x"
  for i = 31, 60 do h[i * 7] = i end
  h[14] = nil
  local keys = {}
  for k in pairs(h) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  print("with a string key, sorted: " .. table.concat(keys, " "))
end
