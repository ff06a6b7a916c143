-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "spans_list", name = "Spans List",
  about = "Tracer spans, one row per span, at the selected depth of the span tree.",
  tags = {"Default"},
  filter = "span.ntags>=%depth+1",
  applies_to = {"span.tag", "span.id", "span.time", "span.parenttime", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid", "fd.directory", "fd.containerdirectory", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "spans_list",
  deeper = true,
  columns = {
    kit.key("span.rawtime", {select_by = "span.rawparenttime", child_only = true}),
    kit.col("ID", "span.id", 10),
    kit.col("TIME", "span.time", 19),
    kit.col("DURATION", "span.duration.fortag[%depth]", 10, {how = "avg", sorted = true}),
    kit.col("TAG", "span.tag[%depth]", 32, {how = "sum"}),
    kit.col("ARGS", "span.enterargs", 256, {how = "sum"}),
  },
}
