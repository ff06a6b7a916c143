-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "containers", name = "Containers",
  about = "One row per container: its processes' CPU, memory, file and network traffic, as the process table shows them but summed per container.",
  tags = {"wsysdig"},
  filter = "container.name != host",
  applies_to = {"", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "procs",
  columns = {
    kit.key("thread.tid"),
    kit.group("container.id"),
    kit.col("CPU", "thread.cpu", 8, {how = "avg", grouped = "sum", sorted = true}),
    kit.col("PROCS", "evt.count.procinfo", 8, {how = "avg", grouped = "sum"}),
    kit.col("THREADS", "evt.count.threadinfo", 8, {how = "avg", grouped = "sum"}),
    kit.col("VIRT", "thread.vmsize.b", 9, {how = "max", grouped = "sum"}),
    kit.col("RES", "thread.vmrss.b", 9, {how = "max", grouped = "sum"}),
    kit.col("FILE", "evt.buflen.file", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("NET", "evt.buflen.net", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("ENGINE", "container.type", 8),
    kit.col("IMAGE", "container.image", 30),
    kit.col("ID", "container.id", 13),
    kit.col("NAME", "container.name", 0),
  },
  actions = kit.container_actions(),
}
