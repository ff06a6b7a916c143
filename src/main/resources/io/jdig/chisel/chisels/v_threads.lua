-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "threads", name = "Threads",
  about = "Threads, one row each: CPU, file and network throughput and the command line of their process.",
  tags = {"Default", "wsysdig"},
  filter = "evt.type!=switch",
  applies_to = {"", "proc.pid", "thread.nametid", "proc.name", "container.id", "fd.sport", "fd.sproto", "fd.name", "fd.containername", "fd.directory", "fd.containerdirectory", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  root = true,
  defaults = true,
  drill_to = "files",
  columns = {
    kit.key("thread.tid"),
    kit.col("PID", "proc.pid", 8),
    kit.col("TID", "thread.tid", 8),
    kit.col("VPID", "proc.vpid", 8, {only = {"containers"}}),
    kit.col("VTID", "thread.vtid", 8, {only = {"containers"}}),
    kit.col("CPU", "thread.cpu", 8, {how = "avg", sorted = true}),
    kit.col("FILE", "evt.buflen.file", 8, {how = "time_avg"}),
    kit.col("NET", "evt.buflen.net", 8, {how = "time_avg"}),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
}
