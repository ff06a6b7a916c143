-- Network I/O slower than a threshold.
description = "Prints every read or write on an IPv4 or IPv6 socket that took longer than the given number of milliseconds (0 prints them all), with its time, process, call, latency and connection. With -pc/-pcontainer the container id and name are shown too; lines are green for host processes and blue for processes in containers."
short_description = "Trace slow network I/0"
category = "Performance"
args = {
	{ name = "min_ms", description = "print only the calls slower than this many milliseconds", argtype = "int", optional = false },
	{ name = "disable_color", description = "pass 'disable_color' to print without colors", argtype = "string", optional = true },
}

require("jdig_slowio").install({ filter = "evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)", skip_dev = false })
