-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "mesos_frameworks", name = "Mesos Frameworks",
  about = "Mesos frameworks and what their processes use.",
  filter = "mesos.framework.id != ''",
  applies_to = {"", "evt.res", "mesos.task.id"},
  defaults = true,
  drill_to = "mesos_tasks",
  columns = {
    kit.key("thread.tid"),
    kit.group("mesos.framework.name"),
    kit.col("CPU", "thread.cpu", 8, {how = "avg", grouped = "sum", sorted = true}),
    kit.col("VIRT", "thread.vmsize.b", 9, {how = "max", grouped = "sum"}),
    kit.col("RES", "thread.vmrss.b", 9, {how = "max", grouped = "sum"}),
    kit.col("FILE", "evt.buflen.file", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("NET", "evt.buflen.net", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("ID", "mesos.framework.id", 38),
    kit.col("NAME", "mesos.framework.name", 25),
  },
}
