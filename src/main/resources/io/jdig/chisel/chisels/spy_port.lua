-- Network payloads exchanged through one port number.
description = "Prints the payload of every network read and write on a connection that uses the given port number (local or remote). Each payload is preceded by a colored marker line (red for reads, blue for writes); consecutive transfers in the same direction share the marker of the first one. The -x, -X and -A switches change how the payloads are rendered."
short_description = "Show the data exchanged using the given IP port number"
category = "Net"
args = {
	{ name = "host_port", description = "the port number to watch", argtype = "int" },
	{ name = "disable_color", description = "pass 'disable_colors' to print without colors", argtype = "string", optional = true },
}

require("jdig_spynet").install({ arg = "host_port", field = "port", write_label = "Write" })
