-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "procs_fd_usage", name = "Processes FD Usage",
  about = "Open file descriptors per process: how many, the limit, and opens and closes.",
  tags = {"Default"},
  filter = "evt.type!=switch",
  applies_to = kit.process_view_targets(),
  root = true,
  defaults = true,
  drill_to = "io_by_type",
  columns = {
    kit.key("proc.pid"),
    kit.col("PID", "proc.pid", 8),
    kit.col("VPID", "proc.vpid", 8, {only = {"containers"}}),
    kit.col("OPEN", "proc.fdopencount", 8, {how = "max", sorted = true}),
    kit.col("MAX", "proc.fdlimit", 8, {how = "max"}),
    kit.col("PCT", "proc.fdusage", 8, {how = "max"}),
    kit.col("The container this process belongs to.", "container.name", 20, {only = {"containers"}}),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
  actions = kit.process_actions(),
}
