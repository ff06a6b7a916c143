-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.list {
  id = "port_bindings", name = "Port bindings",
  about = "Ports that processes bound to and released, one line each.",
  tags = {"default", "wsysdig", "nocsysdig"},
  filter = "(evt.type=bind and evt.dir=< and (fd.type=ipv4 or fd.type=ipv6)) or (evt.type=close and evt.dir=> and fd.typechar=2 and fd.type=ipv4)",
  applies_to = {""},
  defaults = true,
  columns = {
    kit.col("TIME", "evt.time", 12),
    kit.col("OPERATION", "evt.type", 24),
    kit.col("PORT", "fd.sport", 24),
    kit.col("Command", "proc.exeline", 0, {how = "max"}),
  },
}
