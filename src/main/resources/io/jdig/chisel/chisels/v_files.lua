-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "files", name = "Files",
  about = "File activity per file: bytes read and written, calls, opens and failures.",
  tags = {"Default", "wsysdig"},
  filter = "(fd.type=file or fd.type=directory) and fd.name!=''",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid", "fd.sport", "fd.sproto", "fd.directory", "fd.containerdirectory", "fd.containerdirectory", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "procs",
  columns = kit.file_activity_columns("fd.name", "fd.containername", "FILENAME"),
  actions = {
    kit.action("l", "less file", "less %fd.name", {background = true}),
  },
}
