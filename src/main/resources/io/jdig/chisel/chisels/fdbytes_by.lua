-- I/O bytes grouped by any field.
description = "Adds up the bytes of successful reads and writes, grouped by the field you give (for example proc.name, fd.name or fd.sport), and lists the groups that moved the most data."
short_description = "I/O bytes, aggregated by an arbitrary filter field"
category = "I/O"
args = {
	{ name = "key", description = "the field to group by", argtype = "string" },
}

require("jdig_groupby").install("evt.rawarg.res", "Bytes", "evt.is_io=true and evt.failed=false", "30", "bytes")
