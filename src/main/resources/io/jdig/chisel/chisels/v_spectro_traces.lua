-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.spectrogram {
  id = "spectro_traces", name = "Traces Spectrogram",
  about = "How long tracer spans take, over time: a latency histogram per sample.",
  filter = "span.ntags=%depth+1",
  applies_to = {"", "span.tag", "span.id", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name", "fd.name", "fd.containername", "fd.directory", "fd.containerdirectory", "fd.containerdirectory"},
  drill_to = "spans_list",
  keep_filter = false,
  columns = {
    kit.key("span.duration.quantized"),
    kit.col("LATENCY", "span.duration.quantized", nil),
    kit.col("COUNT", "evt.count", nil, {how = "sum"}),
  },
}
