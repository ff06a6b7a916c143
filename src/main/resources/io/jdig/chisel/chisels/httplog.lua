-- One line per HTTP request/response pair.
description = "Prints a line for every HTTP transaction seen in socket reads and writes: time, direction, method, URL, response code, latency and response size. With -pc/-pcontainer the container name is shown too."
short_description = "HTTP requests log"
category = "Application"
args = {}

local http = require "jdig_http"
local with_container = false

function on_init()
	http.init()
	with_container = sysdig.is_print_container_data()
	return true
end

local function log(tr)
	local sep = " "
	if with_container then
		sep = " " .. tr.container .. " "
	end
	print(string.format("%s%s%s method=%s url=%s response_code=%d latency=%dms size=%dB",
		evt.field(http.fields.datetime), sep, tr.dir, tr.request.method, tr.request.url, tr.response.code,
		(tr.response.ts - tr.request.ts) / 1000000, tr.response.length))
end

function on_event()
	http.feed(log)
end
