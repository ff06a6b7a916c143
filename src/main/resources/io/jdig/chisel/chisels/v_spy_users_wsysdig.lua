-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "spy_users_wsysdig", name = "Spy Users",
  about = "What interactive users run, as a table per command: every command line and directory change.",
  tags = {"Default", "wsysdig", "nocsysdig"},
  filter = "((evt.type=execve and evt.dir=<) or (evt.type=chdir and evt.dir=< and proc.name contains sh and not proc.name contains sshd)) and evt.failed=false",
  applies_to = {"", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"},
  defaults = true,
  drill_to = "threads",
  keep_filter = false,
  columns = {
    kit.key("thread.nametid"),
    kit.col("TIME", "evt.time", 12, {sorted = true}),
    kit.col("USER", "user.name", 12),
    kit.col("SHELL", "proc.ppid", 8),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
}
