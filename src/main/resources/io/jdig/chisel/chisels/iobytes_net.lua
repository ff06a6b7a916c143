-- Bytes read and written per second on network sockets.
description = "Every second, prints how many bytes were received, sent and both over IPv4 and IPv6 sockets."
short_description = "Show total network I/O bytes"
category = "Net"
args = {}
require("jdig_iosum").install("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)")
