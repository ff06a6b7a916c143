-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "containers_errors", name = "Containers Errors",
  about = "Failed system calls per container, split into file, network, memory and other errors, with page faults.",
  tags = {"Default"},
  filter = "container.name != host",
  applies_to = {"", "container.id", "fd.name", "fd.containername", "fd.sport", "fd.sproto", "evt.type", "fd.directory", "fd.containerdirectory", "fd.containerdirectory", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "errors",
  columns = kit.join({kit.key("proc.pid"), kit.group("container.id")}, kit.error_columns("sum"), {
    kit.col("ENGINE", "container.type", 8),
    kit.col("ID", "container.id", 13),
    kit.col("CONTAINER", "container.name", 0),
  }),
  actions = kit.container_actions("docker stats %container.id"),
}
