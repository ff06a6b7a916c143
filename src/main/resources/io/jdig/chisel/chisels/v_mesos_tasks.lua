-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "mesos_tasks", name = "Mesos Tasks",
  about = "Mesos tasks and what their processes use.",
  filter = "mesos.task.id != ''",
  applies_to = {"", "evt.res", "mesos.framework.id"},
  defaults = true,
  drill_to = "containers",
  columns = {
    kit.key("thread.tid"),
    kit.group("mesos.task.id"),
    kit.col("CPU", "thread.cpu", 8, {how = "avg", grouped = "sum", sorted = true}),
    kit.col("VIRT", "thread.vmsize.b", 9, {how = "max", grouped = "sum"}),
    kit.col("RES", "thread.vmrss.b", 9, {how = "max", grouped = "sum"}),
    kit.col("FILE", "evt.buflen.file", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("NET", "evt.buflen.net", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("ID", "mesos.task.id", 38),
    kit.col("NAME", "mesos.task.name", 25),
    kit.col("LABELS", "mesos.task.labels", 0),
  },
}
