-- Helper of the spectrogram and subsecoffset chisels: draws one row of a heat map on an ANSI terminal, one
-- cell per column, colored by how many events fell in it (per second).
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

return M
