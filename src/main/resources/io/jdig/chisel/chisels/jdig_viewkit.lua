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
--   kit.join(list, ...)                 one list of the items of the given lists, in order
--
-- Pieces several views share (each call builds new tables):
--   kit.process_view_targets()          what the process views (Processes, Processes CPU, ...) apply to
--   kit.process_actions([more])         the actions on a process row, then the actions in more
--   kit.container_actions([s_command])  the docker actions on a container row
--   kit.error_columns([grouped])        failed calls split into file, network, memory and other
--   kit.file_activity_columns(key, container_key, title)
--                                       bytes, calls, opens and errors per file or directory
--   kit.span_summary_columns()          tracer spans summed by tag at the selected depth

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

function kit.join(...)
  local all = {}
  for _, list in ipairs({...}) do
    for _, item in ipairs(list) do all[#all + 1] = item end
  end
  return all
end

function kit.process_view_targets()
  return {"", "container.id", "fd.name", "fd.containername", "fd.sport", "fd.sproto", "evt.type", "fd.directory", "fd.containerdirectory", "fd.type", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name"}
end

function kit.process_actions(more)
  return kit.join({
    kit.action("9", "kill -9", "kill -9 %proc.pid", {confirm = true, background = true}),
    kit.action("c", "generate core", "gcore %proc.pid"),
    kit.action("g", "gdb attach", "gdb -p %proc.pid", {background = true}),
    kit.action("k", "kill", "kill %proc.pid", {confirm = true, background = true}),
    kit.action("l", "ltrace", "ltrace -p %proc.pid"),
    kit.action("s", "print stack", "gdb -p %proc.pid --batch --quiet -ex \"thread apply all bt full\" -ex \"quit\""),
  }, more or {})
end

-- s_command: what the "docker stop" key runs (csysdig's Containers Errors view runs docker stats there)
function kit.container_actions(s_command)
  return {
    kit.action("a", "docker attach", "docker attach %container.id"),
    kit.action("b", "bash shell", "docker exec -i -t %container.id /bin/bash", {background = true}),
    kit.action("f", "follow logs", "docker logs -f %container.id"),
    kit.action("h", "image history", "docker history %container.image"),
    kit.action("i", "docker inspect", "docker inspect %container.id"),
    kit.action("k", "docker kill", "docker kill %container.id", {confirm = true}),
    kit.action("l", "docker logs", "docker logs %container.id"),
    kit.action("s", "docker stop", s_command or "docker stop %container.id"),
    kit.action("z", "docker pause", "docker pause %container.id"),
    kit.action("u", "docker unpause", "docker unpause %container.id"),
    kit.action("w", "docker wait", "docker wait %container.id"),
  }
end

-- grouped: how merged rows combine the counts (for views that merge rows)
function kit.error_columns(grouped)
  return {
    kit.col("FILE", "evt.count.error.file", 8, {how = "sum", grouped = grouped}),
    kit.col("NET", "evt.count.error.net", 8, {how = "sum", grouped = grouped}),
    kit.col("MEMORY", "evt.count.error.memory", 8, {how = "sum", grouped = grouped}),
    kit.col("OTHER", "evt.count.error.other", 8, {how = "sum", grouped = grouped}),
  }
end

-- key: the field rows are keyed by and named with; container_key: the key with -pc; title: the name column's
function kit.file_activity_columns(key, container_key, title)
  return {
    kit.key(key, {only = {"default"}}),
    kit.key(container_key, {only = {"containers"}}),
    kit.col("BYTES IN", "evt.buflen.file.in", 12, {how = "sum"}),
    kit.col("BYTES OUT", "evt.buflen.file.out", 12, {how = "sum"}),
    kit.col("OPS", "evt.count.exit", 9, {how = "sum", sorted = true}),
    kit.col("OPENS", "evt.type.is.3", 9, {how = "sum"}),
    kit.col("ERRORS", "evt.count.error", 9, {how = "sum"}),
    kit.col("Container", "container.name", 20, {only = {"containers"}}),
    kit.col(title, key, 0),
  }
end

function kit.span_summary_columns()
  return {
    kit.key("span.tag[%depth]"),
    kit.col("HITS", "span.count.fortag[%depth]", 10, {how = "sum", sorted = true}),
    kit.col("AVG TIME", "span.duration.fortag[%depth]", 10, {how = "avg"}),
    kit.col("MIN TIME", "span.duration.fortag[%depth]", 10, {how = "min"}),
    kit.col("MAX TIME", "span.duration.fortag[%depth]", 10, {how = "max"}),
    kit.col("CHD HITS", "span.childcount.fortag[%depth]", 10, {how = "sum"}),
    kit.col("TAG", "span.tag[%depth]", 256, {how = "sum"}),
  }
end

function kit.table(v) return view("table", v) end
function kit.list(v) return view("list", v) end
function kit.spectrogram(v) return view("spectrogram", v) end

return kit
