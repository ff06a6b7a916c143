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
  columns = kit.join({kit.key("proc.pid")}, kit.error_columns(), {
    kit.col("PID", "proc.pid", 8),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  }),
  actions = kit.process_actions(),
}
