-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "slow_io", name = "Slow File I/O",
  about = "File reads and writes that took longer than a millisecond, grouped by file and process.",
  tags = {"Default", "wsysdig"},
  filter = "evt.is_io=true and fd.type=file and (not fd.name contains '/dev/') and evt.latency>1000000",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  columns = {
    kit.key("evt.rawtime"),
    kit.col("TIME", "evt.time", 12),
    kit.col("LATENCY", "evt.latency", 8, {sorted = true}),
    kit.col("FILENAME", "fd.name", 32),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col("PID", "proc.pid", 12),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
}
