-- Login shell ids seen running commands.
description = "Prints the id of the login shell (proc.loginshellid) in which commands were started; optionally only shells that ran a command whose name or arguments contain a given text. The ids can be used to filter the spy_users chisel. With -pc/-pcontainer the container name and id are printed too."
short_description = "List the login shell IDs"
category = "Security"
args = {
	{ name = "command", description = "only shells that ran a command whose name contains this text ('*' for any)", argtype = "string", optional = true },
	{ name = "arguments", description = "only shells that ran a command whose arguments contain this text", argtype = "string", optional = true },
}

local want_comm, want_args
local f = {}
-- sysdig's chisel keeps only the last matching shell and prints its id once per known attribute
-- (shell id, container name, container id); the output is reproduced as is.
local last = {}

function on_set_arg(name, val)
	if name == "command" then
		if val ~= "*" then
			want_comm = val
		end
	elseif name == "arguments" then
		want_args = val
	end
	return true
end

function on_init()
	f.sid = chisel.request_field("proc.loginshellid")
	f.exe = chisel.request_field("evt.arg.exe")
	f.args = chisel.request_field("evt.arg.args")
	f.cname = chisel.request_field("container.name")
	f.cid = chisel.request_field("container.id")
	chisel.set_filter("evt.type=execve")
	return true
end

function on_event()
	local sid = evt.field(f.sid)
	local exe = evt.field(f.exe)
	if not (sid and exe) then
		return true
	end
	if want_comm and string.find(exe, want_comm) == nil then
		return true
	end
	local args = evt.field(f.args)
	if want_args and args and string.find(args, want_args) == nil then
		return true
	end
	last = { sid = sid, cname = evt.field(f.cname), cid = evt.field(f.cid) }
	return true
end

function on_capture_end()
	if want_comm then
		print("Shells containing " .. want_comm .. ":")
	else
		print("All shells:")
	end
	local with_container = sysdig.is_print_container_data()
	local n = 0
	for _ in pairs(last) do
		n = n + 1
	end
	for _ = 1, n do
		if with_container then
			print(tostring(last.sid) .. " " .. tostring(last.cname) .. " " .. tostring(last.cid))
		else
			print(tostring(last.sid))
		end
	end
end
