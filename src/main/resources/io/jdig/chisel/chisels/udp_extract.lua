-- Saves the data of every UDP socket of a trace to its own file.
local DIR = "./udp_dump_files"

description = "Reads a trace file and writes the data read from and written to each UDP socket (DNS included) to a file of its own in the " .. DIR .. " directory, named after the socket's addresses and ports (':' becomes '_' and '>' becomes '-'). Works on trace files only."
short_description = "extract data from UDP streams to files."
category = "I/O"
args = {}

local fdata, fname
-- fd name -> open file
local out = {}

function on_init()
	fdata = chisel.request_field("evt.rawarg.data")
	fname = chisel.request_field("fd.name")
	os.execute("mkdir -p " .. DIR .. " 2> /dev/null")
	sysdig.set_snaplen(16384)
	chisel.set_filter("evt.dir=< and evt.rawres>=0 and fd.l4proto=udp and evt.is_io=true")
	return true
end

function on_capture_start()
	if sysdig.is_live() then
		print("live capture not supported")
		return false
	end
	return true
end

function on_event()
	local name = evt.field(fname)
	local data = evt.field(fdata)
	if name == nil or data == nil then
		return true
	end
	local f = out[name]
	if f == nil then
		local path = (DIR .. "/" .. name):gsub(":", "_"):gsub(">", "-")
		f = io.open(path, "w")
		out[name] = f
	end
	f:write(data)
	return true
end

function on_capture_end()
	for _, f in pairs(out) do
		f:close()
	end
	out = {}
end
