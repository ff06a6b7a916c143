-- Network payloads exchanged with one IP address.
description = "Prints the payload of every network read and write whose connection has the given IP address at either end. Each payload is preceded by a colored marker line; consecutive transfers in the same direction share the marker of the first one. The -x, -X and -A switches change how the payloads are rendered."
short_description = "Show the data exchanged with the given IP address"
category = "Net"
args = {
	{ name = "host_ip", description = "the IP address of the peer to watch", argtype = "ipv4" },
	{ name = "disable_color", description = "pass 'disable_colors' to print without colors", argtype = "string", optional = true },
}

-- (sysdig's chisel labels writes "Read" too; jdig prints the same lines)
require("jdig_spynet").install({ arg = "host_ip", field = "ip", write_label = "Read" })
