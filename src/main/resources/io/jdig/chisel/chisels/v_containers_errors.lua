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
  columns = {
    kit.key("proc.pid"),
    kit.group("container.id"),
    kit.col("FILE", "evt.count.error.file", 8, {how = "sum", grouped = "sum"}),
    kit.col("NET", "evt.count.error.net", 8, {how = "sum", grouped = "sum"}),
    kit.col("MEMORY", "evt.count.error.memory", 8, {how = "sum", grouped = "sum"}),
    kit.col("OTHER", "evt.count.error.other", 8, {how = "sum", grouped = "sum"}),
    kit.col("ENGINE", "container.type", 8),
    kit.col("ID", "container.id", 13),
    kit.col("CONTAINER", "container.name", 0),
  },
  actions = {
    kit.action("a", "docker attach", "docker attach %container.id"),
    kit.action("b", "bash shell", "docker exec -i -t %container.id /bin/bash", {background = true}),
    kit.action("f", "follow logs", "docker logs -f %container.id"),
    kit.action("h", "image history", "docker history %container.image"),
    kit.action("i", "docker inspect", "docker inspect %container.id"),
    kit.action("k", "docker kill", "docker kill %container.id", {confirm = true}),
    kit.action("l", "docker logs", "docker logs %container.id"),
    kit.action("s", "docker stop", "docker stats %container.id"),
    kit.action("z", "docker pause", "docker pause %container.id"),
    kit.action("u", "docker unpause", "docker unpause %container.id"),
    kit.action("w", "docker wait", "docker wait %container.id"),
  },
}
