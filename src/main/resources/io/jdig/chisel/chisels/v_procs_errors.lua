-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "procs_errors", name = "Processes Errors",
  about = "Failed system calls per process, split into file, network, memory and other errors.",
  tags = {"Default", "wsysdig"},
  filter = "evt.type!=switch",
  applies_to = {"", "container.id", "fd.name", "fd.containername", "fd.sport", "fd.sproto", "evt.type", "fd.directory", "fd.containerdirectory", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "errors",
  columns = {
    kit.key("proc.pid"),
    kit.col("FILE", "evt.count.error.file", 8, {how = "sum"}),
    kit.col("NET", "evt.count.error.net", 8, {how = "sum"}),
    kit.col("MEMORY", "evt.count.error.memory", 8, {how = "sum"}),
    kit.col("OTHER", "evt.count.error.other", 8, {how = "sum"}),
    kit.col("PID", "proc.pid", 8),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
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
