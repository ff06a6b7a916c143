-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "connections", name = "Connections",
  about = "Network connections (TCP and UDP), one row each: both ends, the bytes each way per second and the calls on it, with the command that owns it.",
  tags = {"Default", "wsysdig"},
  filter = "(fd.type=ipv4 or fd.type=ipv6) and fd.name!=''",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid", "fd.sport", "fd.sproto", "fd.dport", "fd.dproto", "fd.port", "fd.proto", "fd.lport", "fd.rport", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "incoming_connections",
  columns = {
    kit.key("fd.name", {only = {"default"}}),
    kit.key("fd.containername", {only = {"containers"}}),
    kit.col("L4PROTO", "fd.l4proto", 8),
    kit.col("LIP", "fd.lip", 17),
    kit.col("LPORT", "fd.lport", 8),
    kit.col("RIP", "fd.rip", 17),
    kit.col("RPORT", "fd.rport", 8),
    kit.col("BPS IN", "evt.buflen.net.in", 12, {how = "time_avg", sorted = true}),
    kit.col("BPS OUT", "evt.buflen.net.out", 12, {how = "time_avg"}),
    kit.col("IOPS", "evt.count", 12, {how = "time_avg"}),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
  actions = {
    kit.action("c", "tcpdump connection", "tcpdump -niany host %fd.lip and host %fd.rip and port %fd.lport and port %fd.rport"),
    kit.action("l", "tcpdump local IP", "tcpdump -niany host %fd.lip"),
    kit.action("n", "nslookup remote IP", "nslookup %fd.rip"),
    kit.action("P", "ping remote IP", "ping %fd.rip", {background = true}),
    kit.action("r", "tcpdump remote IP", "tcpdump -niany host %fd.rip"),
    kit.action("t", "traceroute remote IP", "traceroute %fd.rip"),
  },
}
