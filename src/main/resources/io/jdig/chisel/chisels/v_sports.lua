-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "sports", name = "Server Ports",
  about = "Server ports: traffic and calls per local port that accepts connections.",
  tags = {"wsysdig"},
  filter = "(fd.type=ipv4 or fd.type=ipv6) and fd.name!=''",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "connections",
  columns = {
    kit.key("fd.sport"),
    kit.col("SPORT", "fd.sport", 8),
    kit.col("BPS IN", "evt.buflen.net.in", 12, {how = "time_avg", sorted = true}),
    kit.col("BPS OUT", "evt.buflen.net.out", 12, {how = "time_avg"}),
    kit.col("IO CALLS", "evt.count", 12, {how = "sum"}),
  },
  actions = {
    kit.action("t", "tcpdump port", "tcpdump -niany port %fd.sport", {background = true}),
  },
}
