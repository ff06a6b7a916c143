-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.list {
  id = "file_opens", name = "File Opens List",
  about = "Every file opened, one line each: when, by which process, and whether it worked.",
  tags = {"Default"},
  filter = "evt.type=open and evt.dir=<",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid", "fd.sport", "fd.sproto", "fd.name", "fd.containername", "fd.directory", "fd.containerdirectory", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  columns = {
    kit.col("TIME", "evt.time", 19),
    kit.col("RES", "evt.res", 8),
    kit.col("FILE", "fd.name", 40),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
  actions = {
    kit.action("l", "less file", "less %fd.name", {background = true}),
  },
}
