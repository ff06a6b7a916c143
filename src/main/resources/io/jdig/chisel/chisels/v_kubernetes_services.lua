-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "kubernetes_services", name = "K8s Services",
  about = "Kubernetes services and what their processes use.",
  filter = "k8s.svc.id != ''",
  applies_to = {"", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.ns.id"},
  defaults = true,
  drill_to = "kubernetes_pods",
  columns = {
    kit.key("thread.tid"),
    kit.group("k8s.svc.id"),
    kit.col("CPU", "thread.cpu", 8, {how = "avg", grouped = "sum", sorted = true}),
    kit.col("VIRT", "thread.vmsize.b", 9, {how = "max", grouped = "sum"}),
    kit.col("RES", "thread.vmrss.b", 9, {how = "max", grouped = "sum"}),
    kit.col("FILE", "evt.buflen.file", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("NET", "evt.buflen.net", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("ID", "k8s.svc.id", 38),
    kit.col("NAME", "k8s.svc.name", 25),
    kit.col("NAMESPACE", "k8s.ns.name", 20),
    kit.col("LABELS", "k8s.svc.labels", 0),
  },
  actions = {
    kit.action("d", "describe", "kubectl --namespace=%k8s.ns.name describe services/%k8s.svc.name"),
    kit.action("x", "delete", "kubectl --namespace=%k8s.ns.name delete services %k8s.svc.name"),
  },
}
