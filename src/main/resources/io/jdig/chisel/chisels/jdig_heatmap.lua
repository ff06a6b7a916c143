-- Helper of the spectrogram and subsecoffset chisels: draws one row of a heat map on an ANSI terminal, one
-- cell per column, colored by how many events fell in it (per second).
require "common"
local term = require "ansiterminal"

local M = {}

-- 256-color codes from cold (few events) to hot (many)
local PALETTE = { 22, 28, 64, 34, 2, 76, 46, 118, 154, 191, 227, 226, 11, 220, 209, 208, 202, 197, 9, 1 }
-- blocks that blend the two colors of a cell; the last one is drawn with the colors swapped
local BLOCKS = { " ", "\226\150\145", "\226\150\146", "\226\150\145" }

-- The foreground color, background color and block for a cell that counted n events in a period.
function M.cell(n, per_sec)
	local level = math.log10(n * per_sec + 1) / math.log10(1.6)
	level = math.max(1, math.min(level, #PALETTE))
	local lo, hi = math.floor(level), math.ceil(level)
	local frac = level - lo
	local block = BLOCKS[math.floor(1 + frac * #BLOCKS)]
	if frac > 0.75 then
		return PALETTE[hi], PALETTE[lo], block
	end
	return PALETTE[lo], PALETTE[hi], block
end

-- Draws columns 1..width of counts over the previous line (the axis), then a reset and a new line.
-- empty_fg: whether empty cells also set the foreground color (spectrogram does, subsecoffset only the background).
function M.row(counts, width, per_sec, empty_fg)
	term.moveup(1)
	for x = 1, width do
		local n = counts[x]
		if n == nil or n == 0 then
			if empty_fg then
				term.setfgcol(0)
			else
				term.setbgcol(0)
			end
			term.setbgcol(0)
			io.write(" ")
		else
			local fg, bg, block = M.cell(n, per_sec)
			term.setfgcol(fg)
			term.setbgcol(bg)
			io.write(block)
		end
	end
	io.write(term.reset .. "\n")
end

-- Writes the axis line: label_at(x) gives the label that starts at column x, or nil for a blank.
local function axis(width, label_at)
	local x = 0
	while x < width do
		local label = label_at(x)
		if label ~= nil then
			io.write(label)
			x = x + #label
		else
			io.write(" ")
			x = x + 1
		end
	end
	io.write("\n")
end

-- Defines the chisel callbacks of a heat map with one row per period (refresh_time argument, in ms).
-- opts: period (ns, default), filter, field (requested per event), column(value, width, period) (the cell
-- of an event, or nil to skip it), label(x, width, period) (see axis), empty_fg (see row), banner (printed
-- once at the start, optional), flush_last (draw the last, partial period at the end).
function M.install(opts)
	term.enable_color(true)
	local period = opts.period
	local width
	local tty = false
	local fld
	local counts = {}

	function on_set_arg(name, val)
		if name ~= "refresh_time" then
			return false
		end
		period = parse_numeric_input(val, name) * ONE_MS_IN_NS
		return true
	end

	function on_init()
		tty = sysdig.is_tty()
		if not tty then
			print("This chisel only works on ANSI terminals. Aborting.")
			return false
		end
		width = sysdig.get_terminal_info().width
		chisel.set_filter(opts.filter)
		fld = chisel.request_field(opts.field)
		term.hidecursor()
		if opts.banner ~= nil then
			print(opts.banner)
		end
		return true
	end

	function on_capture_start()
		chisel.set_interval_ns(period)
		return true
	end

	function on_event()
		local col = opts.column(evt.field(fld), width, period)
		if col ~= nil then
			counts[col] = (counts[col] or 0) + 1
		end
		return true
	end

	function on_interval(ts_s, ts_ns, delta)
		M.row(counts, width, ONE_S_IN_NS / period, opts.empty_fg)
		axis(width, function(x) return opts.label(x, width, period) end)
		counts = {}
		return true
	end

	function on_capture_end(ts_s, ts_ns, delta)
		if tty then
			if opts.flush_last then
				on_interval(ts_s, ts_ns, 0)
			end
			print(term.reset)
			term.showcursor()
		end
		return true
	end
end

return M
