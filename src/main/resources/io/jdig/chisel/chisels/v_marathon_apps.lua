-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "marathon_apps", name = "Marathon Apps",
  about = "Marathon applications and what their processes use.",
  filter = "marathon.app.id != ''",
  applies_to = {"", "evt.res", "marathon.group.id"},
  defaults = true,
  drill_to = "mesos_tasks",
  columns = {
    kit.key("thread.tid"),
    kit.group("marathon.app.id"),
    kit.col("CPU", "thread.cpu", 8, {how = "avg", grouped = "sum", sorted = true}),
    kit.col("VIRT", "thread.vmsize.b", 9, {how = "max", grouped = "sum"}),
    kit.col("RES", "thread.vmrss.b", 9, {how = "max", grouped = "sum"}),
    kit.col("FILE", "evt.buflen.file", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("NET", "evt.buflen.net", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("ID", "marathon.app.id", 38),
    kit.col("LABELS", "marathon.app.labels", 0),
  },
}
