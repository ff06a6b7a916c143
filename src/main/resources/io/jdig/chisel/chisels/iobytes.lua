-- Bytes read and written per second, any kind of fd.
description = "Every second, prints how many bytes were read, written and both, over all kinds of file descriptors (files, sockets, pipes, ...)."
short_description = "Sum of I/O bytes on any type of FD"
category = "I/O"
args = {}
require("jdig_iosum").install("evt.is_io=true")
