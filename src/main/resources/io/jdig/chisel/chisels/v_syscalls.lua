-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "syscalls", name = "System Calls",
  about = "System calls: how many per second, total and average time.",
  tags = {"Default", "wsysdig"},
  filter = "syscall.type exists",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid", "fd.sport", "fd.sproto", "fd.name", "fd.containername", "fd.directory", "fd.containerdirectory", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "syscall_procs",
  columns = {
    kit.key("evt.type"),
    kit.col("CALLS/S", "evt.count", 10, {how = "time_avg", sorted = true}),
    kit.col("TOT TIME", "evt.latency", 10, {how = "sum"}),
    kit.col("AVG TIME", "evt.latency", 10, {how = "avg"}),
    kit.col("SYSCALL", "evt.type", 32, {how = "sum"}),
  },
}
