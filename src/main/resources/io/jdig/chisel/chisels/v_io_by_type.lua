-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "io_by_type", name = "I/O by Type",
  about = "Input and output per kind of file descriptor (file, ipv4, unix, pipe...): bytes each way, calls and time spent.",
  tags = {"Default", "wsysdig"},
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid", "fd.sport", "fd.sproto", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "procs",
  columns = {
    kit.key("fd.type"),
    kit.col("BPS IN", "evt.buflen.in", 12, {how = "time_avg"}),
    kit.col("BPS OUT", "evt.buflen.out", 12, {how = "time_avg"}),
    kit.col("IOPS", "evt.count", 9, {how = "time_avg", sorted = true}),
    kit.col("TIME", "evt.latency", 9, {how = "sum"}),
    kit.col("I/O Type", "fd.type", 0, {how = "sum"}),
  },
}
