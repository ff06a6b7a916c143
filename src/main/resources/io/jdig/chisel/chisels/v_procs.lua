-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "procs", name = "Processes",
  about = "Processes, as top shows them: CPU, memory, file and network throughput, and the command line.",
  tags = {"Default", "wsysdig"},
  filter = "evt.type!=switch",
  applies_to = kit.process_view_targets(),
  root = true,
  defaults = true,
  drill_to = "threads",
  columns = {
    kit.key("thread.tid"),
    kit.group("proc.pid"),
    kit.col("PID", "proc.pid", 7),
    kit.col("PPID", "proc.ppid", 7),
    kit.col("VPID", "proc.vpid", 8, {only = {"containers"}}),
    kit.col("CPU", "thread.cpu", 8, {how = "avg", grouped = "sum", sorted = true}),
    kit.col("USER", "user.name", 12),
    kit.col("TH", "proc.nthreads", 5, {how = "max", grouped = "max"}),
    kit.col("VIRT", "thread.vmsize.b", 9, {how = "max", grouped = "max"}),
    kit.col("RES", "thread.vmrss.b", 9, {how = "max", grouped = "max"}),
    kit.col("FILE", "evt.buflen.file", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("NET", "evt.buflen.net", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("CONTAINER", "container.name", 20, {only = {"containers"}}),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
  actions = kit.process_actions {
    kit.action("f", "one-time lsof", "lsof -p %proc.pid"),
    kit.action("[", "increment nice by 1", "renice $(expr $(ps -h -p %proc.pid -o nice) + 1) -p %proc.pid", {background = true}),
    kit.action("]", "decrement nice by 1", "renice $(expr $(ps -h -p %proc.pid -o nice) - 1) -p %proc.pid", {background = true}),
  },
}
