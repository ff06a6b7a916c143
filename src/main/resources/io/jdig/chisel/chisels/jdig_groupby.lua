-- Shared code of the fdbytes_by and fdtime_by chisels: takes the key argument (the field to group by) and runs
-- table_generator with it; the other arguments are table_generator's after its key and key description.
local M = {}

function M.install(value, value_desc, filter, top, format)
	local key = ""

	function on_set_arg(name, val)
		if name ~= "key" then
			return false
		end
		key = val
		return true
	end

	function on_init()
		chisel.exec("table_generator", key, key, value, value_desc, filter, top, format)
		return true
	end
end

return M
