-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.list {
  id = "spy_syslog", name = "Spy Syslog",
  about = "Messages written to syslog, one line each, with their facility and severity.",
  tags = {"Default"},
  filter = "fd.name contains /dev/log and evt.is_io_write=true and evt.dir=< and evt.failed=false",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid", "fd.sport", "fd.sproto", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  columns = {
    kit.col("PID", "proc.pid", 8),
    kit.col("PROC", "proc.name", 8),
    kit.col("FAC", "syslog.facility.str", 8),
    kit.col("SEV", "syslog.severity.str", 8),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col("MESSAGE", "syslog.message", 0),
  },
}
