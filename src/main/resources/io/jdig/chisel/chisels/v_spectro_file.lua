-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.spectrogram {
  id = "spectro_file", name = "Spectrogram-File",
  about = "How long file reads and writes take, over time: a latency histogram per sample.",
  filter = "evt.dir=< and fd.type=file",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name", "fd.name", "fd.containername", "fd.directory", "fd.containerdirectory", "fd.containerdirectory"},
  columns = {
    kit.key("evt.latency.quantized"),
    kit.col("LATENCY", "evt.latency.quantized", nil),
    kit.col("COUNT", "evt.count", 8, {how = "sum"}),
  },
}
