-- A view of jdig; jdig_viewkit.lua explains the notation.
local kit = require "jdig_viewkit"

view_info = kit.spectrogram {
  id = "spectro_all", name = "Spectrogram-All",
  about = "How long system calls take, over time: a latency histogram per sample, all calls together.",
  filter = "evt.dir=<",
  applies_to = {"evt.type"},
  columns = {
    kit.key("evt.latency.quantized"),
    kit.col("LATENCY", "evt.latency.quantized", nil),
    kit.col("COUNT", "evt.count", 8, {how = "sum"}),
  },
}
