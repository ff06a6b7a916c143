-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "traces_summary", name = "Traces Summary",
  about = "Tracer spans summed by tag.",
  tags = {"Default"},
  filter = "span.ntags>=%depth+1",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid", "fd.directory", "fd.containerdirectory", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "spans_summary",
  deeper = true,
  spectro = "tracers",
  columns = kit.span_summary_columns(),
}
