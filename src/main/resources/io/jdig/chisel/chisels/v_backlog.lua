-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.table {
  id = "backlog", name = "Socket Queues",
  about = "Listening sockets and how full their accept queues got: the backlog accept() reported, as a count and as a share of the maximum.",
  tags = {"Default"},
  filter = "evt.type=accept",
  applies_to = {"", "proc.pid", "proc.name", "fd.sport", "fd.sproto"},
  defaults = true,
  drill_to = "connections",
  columns = {
    kit.key("fd.sport"),
    kit.col("PID", "proc.pid", 15),
    kit.col("PORT", "fd.sport", 15),
    kit.col("BACKLOG", "evt.arg[3]", 15, {how = "avg", sorted = true}),
    kit.col("BACKLOG_PCT", "evt.arg[2]", 15, {how = "avg"}),
    kit.col("BACKLOG_MAX", "evt.arg[4]", 15),
    kit.col("PROC", "proc.name", 50),
  },
}
