-- Time spent in fd I/O grouped by any field.
description = "Adds up the time spent in reads and writes (the latency of each call), grouped by the field you give (for example proc.name or fd.name), and lists the groups where the most time went."
short_description = "FD time group by"
category = "I/O"
args = {
	{ name = "key", description = "the field to group by", argtype = "string" },
}

require("jdig_groupby").install("evt.latency", "Time", "evt.is_io=true", "10", "time")
