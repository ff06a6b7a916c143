-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "procs_cpu", name = "Processes CPU",
  about = "Processes ranked by CPU use, with the time they spent in user space, in the kernel and waiting.",
  tags = {"Default", "wsysdig"},
  filter = "evt.type!=switch",
  applies_to = kit.process_view_targets(),
  root = true,
  defaults = true,
  drill_to = "threads",
  columns = {
    kit.key("thread.tid"),
    kit.group("proc.pid"),
    kit.col("PID", "proc.pid", 8),
    kit.col("VPID", "proc.vpid", 8, {only = {"containers"}}),
    kit.col("TOT", "thread.cpu", 8, {how = "avg", grouped = "sum", sorted = true}),
    kit.col("USER", "thread.cpu.user", 8, {how = "avg", grouped = "sum"}),
    kit.col("SYS", "thread.cpu.system", 8, {how = "avg", grouped = "sum"}),
    kit.col("SYSCALLS", "evt.count", 9, {how = "time_avg", grouped = "sum"}),
    kit.col("CONTAINER", "container.name", 20, {only = {"containers"}}),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
  actions = kit.process_actions(),
}
