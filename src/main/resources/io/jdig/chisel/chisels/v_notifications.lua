-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.list {
  id = "notifications", name = "Notifications",
  about = "Notification events written into the capture, one line each.",
  tags = {"nocsysdig"},
  filter = "evt.type=notification",
  applies_to = {""},
  defaults = true,
  columns = {
    kit.col("TIME", "evt.time", 12),
    kit.col("ID", "evt.arg.id", 24),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col("DESCRIPTION", "evt.arg.desc", 0),
  },
}
