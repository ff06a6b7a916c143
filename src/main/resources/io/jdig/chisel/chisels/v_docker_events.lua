-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.list {
  id = "docker_events", name = "Docker Events",
  about = "The docker daemon's events, one line each.",
  tags = {"Default", "nocsysdig"},
  filter = "evt.type=infra",
  applies_to = {""},
  defaults = true,
  columns = {
    kit.col("TIME", "evt.time", 18),
    kit.col("EVENT TYPE", "evt.arg.name", 20),
    kit.col("CONTAINER ID", "evt.infra.docker.container.id", 20),
    kit.col("CONTAINER IMAGE", "evt.infra.docker.container.image", 20),
    kit.col("CONTAINER NAME", "evt.infra.docker.container.name", 0),
  },
}
