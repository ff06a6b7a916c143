-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "syscall_procs", name = "Syscall Callers",
  about = "Who makes a system call: per process, how many calls and how much time.",
  tags = {"Default"},
  filter = "syscall.type exists",
  applies_to = {"evt.type"},
  defaults = true,
  columns = {
    kit.key("proc.pid"),
    kit.col("CALLS/S", "evt.count", 10, {how = "time_avg", sorted = true}),
    kit.col("TIME", "evt.latency", 10, {how = "sum"}),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
}
