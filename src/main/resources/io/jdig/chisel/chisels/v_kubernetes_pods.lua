-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "kubernetes_pods", name = "K8s Pods",
  about = "Kubernetes pods and what their processes use.",
  filter = "k8s.pod.id != ''",
  applies_to = {"", "evt.res", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id"},
  defaults = true,
  drill_to = "containers",
  columns = {
    kit.key("thread.tid"),
    kit.group("k8s.pod.id"),
    kit.col("CPU", "thread.cpu", 8, {how = "avg", grouped = "sum", sorted = true}),
    kit.col("VIRT", "thread.vmsize.b", 9, {how = "max", grouped = "sum"}),
    kit.col("RES", "thread.vmrss.b", 9, {how = "max", grouped = "sum"}),
    kit.col("FILE", "evt.buflen.file", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("NET", "evt.buflen.net", 8, {how = "time_avg", grouped = "sum"}),
    kit.col("ID", "k8s.pod.id", 38),
    kit.col("NAME", "k8s.pod.name", 25),
    kit.col("NAMESPACE", "k8s.ns.name", 20),
    kit.col("LABELS", "k8s.pod.labels", 0),
  },
  actions = {
    kit.action("d", "describe", "kubectl --namespace=%k8s.ns.name describe pods %k8s.pod.name"),
    kit.action("x", "delete", "kubectl --namespace=%k8s.ns.name delete pods %k8s.pod.name"),
    kit.action("b", "bash shell", "kubectl --namespace=%k8s.ns.name exec %k8s.pod.name -i -t -- /bin/bash"),
    kit.action("l", "log", "kubectl --namespace=%k8s.ns.name logs %k8s.pod.name"),
    kit.action("f", "follow log", "kubectl --namespace=%k8s.ns.name logs -f %k8s.pod.name"),
    kit.action("o", "previous log", "kubectl --namespace=%k8s.ns.name logs -p %k8s.pod.name"),
  },
}
