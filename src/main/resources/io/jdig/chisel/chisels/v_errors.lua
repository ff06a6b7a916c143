-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "errors", name = "Errors",
  about = "The errors system calls returned (ENOENT, EAGAIN...), with how often each came back.",
  tags = {"Default", "wsysdig"},
  filter = "evt.res != SUCCESS",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid", "fd.sport", "fd.sproto", "fd.directory", "fd.containerdirectory", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "procs_errors",
  columns = {
    kit.key("evt.res"),
    kit.col("COUNT", "evt.count", 12, {how = "sum", sorted = true}),
    kit.col("ERROR", "evt.res", 0),
  },
}
