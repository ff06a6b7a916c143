-- Interactive user activity: commands run from shells and directories visited.
description = "Prints every command users start from an interactive shell, and every directory change made in a shell, indented by how deep the command sits below the login shell. Each line shows the shell pid, the time and the user. With -pc/-pcontainer the container name is shown too (host processes in green, container processes in blue)."
short_description = "Display interactive user activity"
category = "Security"
args = {
	{ name = "max_depth", description = "hide commands nested deeper than this below the shell", argtype = "int", optional = true },
	{ name = "disable_color", description = "pass 'disable_color' to print without colors", argtype = "string", optional = true },
}

require "common"
local term = require "ansiterminal"
term.enable_color(true)

local MAX_ANCESTORS = 16
local max_depth = -1
local f = {}
local aname, apid = {}, {}
local with_container = false
-- pid -> { depth below the shell (-1: no shell among the ancestors), shell pid }
local tree = {}
-- sysdig's chisel shifts its ancestor field list by one at every directory change it sees, so
-- ancestor slot j then reads ancestor j - shift; reproduced here to print the same lines.
local shift = 0

function on_set_arg(name, val)
	if name == "max_depth" then
		max_depth = parse_numeric_input(val, name)
	elseif name == "disable_color" and val == "disable_color" then
		term.enable_color(false)
	end
	return true
end

function on_init()
	for k, fld in pairs({ etype = "evt.type", exe = "proc.exe", args = "proc.args", dir = "evt.arg.path",
			user = "user.name", time = "evt.time.s", pid = "proc.pid", ppid = "proc.ppid",
			cname = "container.name", cid = "container.id" }) do
		f[k] = chisel.request_field(fld)
	end
	with_container = sysdig.is_print_container_data()
	chisel.set_filter("((evt.type=execve and evt.dir=<) or (evt.type=chdir and evt.dir=< and proc.name contains sh and not proc.name contains sshd)) and evt.failed=false")
	for j = 0, MAX_ANCESTORS do
		aname[j] = chisel.request_field("proc.aname[" .. j .. "]")
		apid[j] = chisel.request_field("proc.apid[" .. j .. "]")
	end
	return true
end

local function ancestor(list, j)
	local i = j - shift
	if i < 0 then
		return nil
	end
	return evt.field(list[i])
end

-- Finds the login shell above ppid: the last ancestor whose name ends in "sh".
local function locate_shell(ppid)
	local entry = { -1 }
	for j = 1, MAX_ANCESTORS do
		local n = ancestor(aname, j)
		if n == nil then
			if ancestor(apid, j) == nil then
				break
			end
		elseif #n >= 2 and n:sub(-2) == "sh" then
			local p = ancestor(apid, j)
			if tree[p] then
				entry = { j - 1, p }
			else
				entry = { 0, p }
			end
		end
	end
	tree[ppid] = entry
end

function on_event()
	local pid = evt.field(f.pid)
	local ppid = evt.field(f.ppid)
	local is_cd = evt.field(f.etype) == "chdir"
	local user = evt.field(f.user) or "<NA>"
	local corr = 1
	if is_cd then
		ppid = pid
		shift = shift + 1
		corr = 0
	end

	if not tree[ppid] then
		locate_shell(ppid)
	end
	if tree[ppid][1] == -1 then
		return true
	end
	if not tree[pid] then
		tree[pid] = { tree[ppid][1] + 1, tree[ppid][2] }
	end

	local depth = tree[pid][1] - corr
	if max_depth ~= -1 and depth > max_depth then
		return true
	end

	local color = ""
	local who = user
	if with_container then
		local cname = evt.field(f.cname)
		color = cname ~= "host" and term.blue or term.green
		who = user .. "@" .. tostring(cname)
	end
	local indent_per_level = (is_cd or with_container) and 4 or 3
	local what
	if is_cd then
		what = "cd " .. evt.field(f.dir)
	else
		what = evt.field(f.exe) .. " " .. evt.field(f.args)
	end
	print(color .. extend_string("", indent_per_level * depth) .. tostring(tree[pid][2]) .. " " ..
		evt.field(f.time) .. " " .. who .. ") " .. what)
	return true
end

function on_capture_end()
	print(term.reset)
end
