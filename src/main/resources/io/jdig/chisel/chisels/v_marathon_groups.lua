-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "marathon_groups", name = "Marathon Groups",
  about = "Marathon groups and what their processes use.",
  filter = "marathon.group.id != ''",
  applies_to = {"", "evt.res", "marathon.app.id"},
  defaults = true,
  drill_to = "marathon_apps",
  columns = {
    kit.key("thread.tid"),
    kit.group("marathon.group.name"),
    kit.col("CPU", "thread.cpu", 8, {how = "avg", grouped = "sum", sorted = true}),
    kit.col("VIRT", "thread.vmsize.b", 9, {how = "max", grouped = "sum"}),
    kit.col("RES", "thread.vmrss.b", 9, {how = "max", grouped = "sum"}),
    kit.col("FILE", "evt.buflen.file", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("NET", "evt.buflen.net", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("ID", "marathon.group.id", 38),
  },
}
