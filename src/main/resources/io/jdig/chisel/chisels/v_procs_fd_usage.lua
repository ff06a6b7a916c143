-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "procs_fd_usage", name = "Processes FD Usage",
  about = "Open file descriptors per process: how many, the limit, and opens and closes.",
  tags = {"Default"},
  filter = "evt.type!=switch",
  applies_to = {"", "container.id", "fd.name", "fd.containername", "fd.sport", "fd.sproto", "evt.type", "fd.directory", "fd.containerdirectory", "fd.type", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
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
  actions = {
    kit.action("9", "kill -9", "kill -9 %proc.pid", {confirm = true, background = true}),
    kit.action("c", "generate core", "gcore %proc.pid"),
    kit.action("g", "gdb attach", "gdb -p %proc.pid", {background = true}),
    kit.action("k", "kill", "kill %proc.pid", {confirm = true, background = true}),
    kit.action("l", "ltrace", "ltrace -p %proc.pid"),
    kit.action("s", "print stack", "gdb -p %proc.pid --batch --quiet -ex \"thread apply all bt full\" -ex \"quit\""),
  },
}
