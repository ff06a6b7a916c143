-- Notation for jdig's views. A view file calls kit.table, kit.list or kit.spectrogram with a description and
-- its columns, and assigns the result to the global that cjdig (like csysdig) looks for; this module turns the
-- short notation into the field names that global is read with.
--
--   kit.key(field [, opts])             the column rows are keyed by (not shown)
--   kit.group(field [, opts])           for a view that merges rows: the column they are merged by
--   kit.col(title, field, width [, opts])
--       opts.how      how values of one key combine: "sum", "avg", "time_avg" (per second), "min", "max"
--       opts.grouped  how merged rows combine
--       opts.sorted   the column sorted by default
--       opts.only     tags: the column is shown only when one of them is active ("containers" with -pc)
--   kit.action(hotkey, label, command [, {confirm = true, background = true}])

local kit = {}

local function upper(s)
  if s == nil then return nil end
  return string.upper(s)
end

local function column(title, field, width, opts)
  opts = opts or {}
  return {
    name = title,
    field = field,
    colsize = width,
    aggregation = upper(opts.how),
    groupby_aggregation = upper(opts.grouped),
    is_sorting = opts.sorted or nil,
    tags = opts.only,
    filterfield = opts.select_by,
    filter_in_child_only = opts.child_only or nil,
  }
end

function kit.col(title, field, width, opts)
  return column(title, field, width, opts)
end

function kit.key(field, opts)
  local c = column("KEY", field, nil, opts)
  c.is_key = true
  return c
end

function kit.group(field, opts)
  local c = column("GROUP", field, nil, opts)
  c.is_groupby_key = true
  return c
end

function kit.action(hotkey, label, command, opts)
  opts = opts or {}
  return {
    hotkey = hotkey,
    description = label,
    command = command,
    ask_confirmation = opts.confirm or false,
    wait_finish = not opts.background,
  }
end

local function view(kind, v)
  return {
    id = v.id,
    name = v.name,
    description = v.about,
    tips = v.tips,
    tags = v.tags,
    view_type = kind,
    filter = v.filter,
    applies_to = v.applies_to,
    is_root = v.root or false,
    use_defaults = v.defaults or false,
    drilldown_target = v.drill_to,
    drilldown_increase_depth = v.deeper or false,
    spectro_type = v.spectro,
    propagate_filter = v.keep_filter ~= false,
    columns = v.columns,
    actions = v.actions,
  }
end

function kit.table(v) return view("table", v) end
function kit.list(v) return view("list", v) end
function kit.spectrogram(v) return view("spectrogram", v) end

return kit
