-- ANSI terminal helpers for jdig chisels (same interface as the module sysdig chisels require).
local ESC = string.char(27) .. "["

local codes = {
	reset = 0, clear = 0, bright = 1, dim = 2, underscore = 4, blink = 5, reverse = 7, hidden = 8,
	black = 30, red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36, white = 37,
	onblack = 40, onred = 41, ongreen = 42, onyellow = 43, onblue = 44, onmagenta = 45, oncyan = 46, onwhite = 47,
}

local term = {}

function term.enable_color(on)
	for name, code in pairs(codes) do
		term[name] = on == true and (ESC .. code .. "m") or ""
	end
end

local function out(s) io.write(ESC .. s) end

function term.clearscreen() out("2J") end
function term.moveto(x, y) out(tostring(x) .. ";" .. tostring(y) .. "H") end
function term.moveup(n) out(tostring(n) .. "F") end
function term.clearline() out("2K") end
function term.hidecursor() out("?25l") end
function term.showcursor() out("?25h") end
function term.setfgcol(c) out("38;5;" .. c .. "m") end
function term.setbgcol(c) out("48;5;" .. c .. "m") end

return term
