-- Bytes read and written per second on files.
description = "Every second, prints how many bytes were read from files, written to files and both."
short_description = "Sum of file I/O bytes"
category = "I/O"
args = {}
require("jdig_iosum").install("evt.is_io=true and fd.type=file")
