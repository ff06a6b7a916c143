'use strict';
// jdig's web UI: overview tiles and timeline, views with drill-down, dig, echo and follow stream, all over the
// JSON API of the server that served this page.

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
};
const SVG = 'http://www.w3.org/2000/svg';
const svgEl = (tag, attrs) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

const state = {
  info: null,
  filter: '',          // the applied filter
  range: null,         // {from, to}: ns since the epoch as decimal strings, or null for the whole capture
  view: null,          // the view shown
  path: [],            // [{view, key}]: the drill-down path
  sort: 0, asc: null,
  tab: 'table',
  lastView: null,      // the last /api/view answer
  echoMode: 'text', echoFd: '', streamFd: '',
};

// ---- requests ----------------------------------------------------------------------------------------------

let pending = 0;
async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else if (v !== null && v !== undefined && v !== '') q.append(k, v);
  }
  pending++;
  $('#busy').hidden = false;
  try {
    const r = await fetch('/api/' + path + '?' + q.toString(), { credentials: 'same-origin' });
    const body = await r.json().catch(() => ({ error: 'HTTP ' + r.status }));
    if (!r.ok) {
      const e = new Error(body.error || ('HTTP ' + r.status));
      e.position = body.position;
      e.status = r.status;
      throw e;
    }
    return body;
  } finally {
    if (--pending === 0) $('#busy').hidden = true;
  }
}

/** The parameters every question shares: the filter and the time range. */
function common() {
  const p = { filter: state.filter };
  if (state.range) { p.from = state.range.from; p.to = state.range.to; }
  return p;
}

/** The parameters of the current view query (view, path, sort). */
function queryParams() {
  const p = common();
  if (state.view) p.view = state.view;
  p.pv = state.path.map((s) => s.view);
  p.pk = state.path.map((s) => s.key);
  if (state.sort) p.sort = state.sort;
  if (state.asc !== null) p.asc = state.asc;
  return p;
}

// ---- numbers and times --------------------------------------------------------------------------------------

function human(v, bytes) {
  if (v === null || v === undefined || isNaN(v)) return '';
  const units = bytes ? ['B', 'KB', 'MB', 'GB', 'TB'] : ['', 'K', 'M', 'G', 'T'];
  let i = 0;
  let x = Number(v);
  while (Math.abs(x) >= 1000 && i < units.length - 1) { x /= 1000; i++; }
  const s = i === 0 && Number.isInteger(x) ? String(x) : x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0);
  return s + (units[i] ? (bytes ? ' ' : '') + units[i] : '');
}

function clock(ns) {
  const b = BigInt(ns);
  const d = new Date(Number(b / 1000000n));
  const frac = String(b % 1000000000n).padStart(9, '0');
  return d.toISOString().slice(11, 19) + '.' + frac;
}

// ---- filter bar -------------------------------------------------------------------------------------------

let checkSeq = 0;
async function checkFilter() {
  const text = $('#filter').value;
  const seq = ++checkSeq;
  const r = await api('check', { filter: text }).catch((e) => ({ ok: false, message: e.message, position: -1 }));
  if (seq !== checkSeq) return r;
  showFilterError(r.ok ? null : r, text);
  return r;
}

function showFilterError(err, text) {
  const box = $('#filter-error');
  $('#filter').classList.toggle('bad', !!err);
  if (!err) { box.hidden = true; box.textContent = ''; return; }
  let s = err.message || 'bad filter';
  if (err.position >= 0 && text) s += '\n' + text + '\n' + ' '.repeat(Math.min(err.position, text.length)) + '^';
  box.textContent = s;
  if (err.position >= 0) box.dataset.position = err.position; else delete box.dataset.position;
  box.hidden = false;
}

let typing = null;
$('#filter').addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(checkFilter, 150);
});
$('#filter-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const r = await checkFilter();
  if (!r.ok) return;
  state.filter = $('#filter').value.trim();
  refreshAll();
});

// ---- time range -------------------------------------------------------------------------------------------

function setRange(r) {
  state.range = r;
  const label = $('#range');
  if (r) {
    label.textContent = clock(r.from) + ' – ' + clock(r.to);
    label.dataset.from = r.from;
    label.dataset.to = r.to;
  } else {
    label.textContent = 'whole capture';
    delete label.dataset.from;
    delete label.dataset.to;
  }
  $('#clear-range').hidden = !r;
  drawBrush();
  refreshAll();
}
$('#clear-range').addEventListener('click', () => setRange(null));

// ---- summaries ------------------------------------------------------------------------------------------------

/**
 * The tiles of a summary answer, in one shape: {name, category, targetView, targetViewFilter, aggregation, tot,
 * times (decimal strings), values}. The answer comes from the exploration's index, or (with a filter) from the
 * wsysdig_summary chisel's own JSON.
 */
function metricsOf(summary) {
  if (summary.metrics) return summary.metrics;
  return ((summary.chisel || {}).metrics || []).map((m) => {
    const d = m.data || {};
    const tl = d.timeLine || [];
    return { name: m.name, category: m.category, targetView: m.targetView, targetViewFilter: '',
      aggregation: d.aggregation, tot: d.tot, times: tl.map((p) => p.t), values: tl.map((p) => p.v), desc: m.desc };
  });
}

// ---- timeline ---------------------------------------------------------------------------------------------

let timelineMetric = null;

function drawTimeline(summary) {
  const svg = $('#timeline');
  svg.replaceChildren();
  const W = 1000, H = 70;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const metrics = metricsOf(summary);
  timelineMetric = metrics.find((m) => m.name === 'System Calls') || metrics[0];
  if (!timelineMetric) return;
  const tl = timelineMetric.values;
  const max = Math.max(1, ...tl);
  const bw = W / Math.max(1, tl.length);
  tl.forEach((v, i) => {
    const h = (v / max) * (H - 4);
    svg.append(svgEl('rect', { class: 'bar', x: i * bw, y: H - h, width: Math.max(1, bw - 0.5), height: h }));
  });
  svg.append(svgEl('rect', { class: 'brush', id: 'brush', x: 0, y: 0, width: 0, height: H, visibility: 'hidden' }));
  drawBrush();
}

function span() {
  return { first: BigInt(state.info.firstTs), last: BigInt(state.info.lastTs) };
}

/** x in the timeline's coordinates (0..1000) to a time, and back. */
function xToNs(x) {
  const { first, last } = span();
  const f = Math.min(1, Math.max(0, x / 1000));
  return first + BigInt(Math.round(Number(last - first) * f));
}
function nsToX(ns) {
  const { first, last } = span();
  const d = Number(last - first) || 1;
  return Math.min(1000, Math.max(0, (Number(BigInt(ns) - first) / d) * 1000));
}

/** A dragged span made whole samples of the timeline (the index answers per sample), else times as dragged. */
function snapped(a, b) {
  const times = timelineMetric ? timelineMetric.times : [];
  const n = times.length;
  if (n < 2) return { from: xToNs(a).toString(), to: xToNs(b).toString() };
  const i = Math.min(n - 1, Math.max(0, Math.floor((a / 1000) * n)));
  const j = Math.min(n - 1, Math.max(i, Math.ceil((b / 1000) * n) - 1));
  const to = j + 1 < n ? (BigInt(times[j + 1]) - 1n).toString() : state.info.lastTs;
  return { from: times[i], to };
}

function drawBrush(x0, x1) {
  const b = $('#brush');
  if (!b) return;
  if (x0 === undefined) {
    if (!state.range) { b.setAttribute('visibility', 'hidden'); return; }
    x0 = nsToX(state.range.from);
    x1 = nsToX(state.range.to);
  }
  b.setAttribute('x', Math.min(x0, x1));
  b.setAttribute('width', Math.max(1, Math.abs(x1 - x0)));
  b.setAttribute('visibility', 'visible');
}

(function brushing() {
  const svg = $('#timeline');
  let start = null;
  const toX = (ev) => {
    const r = svg.getBoundingClientRect();
    return ((ev.clientX - r.left) / r.width) * 1000;
  };
  svg.addEventListener('mousedown', (ev) => { start = toX(ev); drawBrush(start, start); ev.preventDefault(); });
  window.addEventListener('mousemove', (ev) => { if (start !== null) drawBrush(start, toX(ev)); });
  window.addEventListener('mouseup', (ev) => {
    if (start === null) return;
    const end = toX(ev);
    const a = Math.min(start, end), b = Math.max(start, end);
    start = null;
    if (b - a < 3) { drawBrush(); return; } // a click, not a drag
    setRange(snapped(a, b));
  });
})();

// ---- tiles ------------------------------------------------------------------------------------------------

function isBytes(m) {
  return /bytes/i.test(m.name);
}

/**
 * A tile's samples to draw: those of the time range when there is one (the summary of a range, as the chisel's with
 * a filter on evt.rawtime, keeps the samples of the whole capture, zero outside the range).
 */
function inRange(m) {
  const vals = m.values || [];
  const times = m.times || [];
  if (!state.range || times.length !== vals.length) return vals;
  const from = BigInt(state.range.from), to = BigInt(state.range.to);
  const out = vals.filter((v, i) => {
    const t = BigInt(times[i]);
    const next = i + 1 < times.length ? BigInt(times[i + 1]) : t + 1n;
    return next > from && t <= to;
  });
  return out.length ? out : vals;
}

function drawTiles(summary) {
  const box = $('#tiles');
  box.replaceChildren();
  for (const m of metricsOf(summary)) {
    const tl = inRange(m);
    const max = Math.max(1e-9, ...tl);
    const pts = tl.map((v, i) => `${(i / Math.max(1, tl.length - 1)) * 100},${28 - (v / max) * 26 - 1}`).join(' ');
    const spark = svgEl('svg', { viewBox: '0 0 100 28', preserveAspectRatio: 'none' });
    spark.append(svgEl('polyline', { points: pts }));
    const tile = el('div', { class: 'tile' + (Number(m.tot) ? '' : ' zero'), 'data-name': m.name,
      'data-view': m.targetView || '', title: m.desc || '' },
      el('span', { class: 'cat', text: m.category || '' }),
      el('div', { class: 'name', text: m.name }),
      el('div', { class: 'total', 'data-tot': String(m.tot), text: human(m.tot, isBytes(m)) }),
      spark);
    tile.addEventListener('click', () => openTile(m));
    box.append(tile);
  }
}

/** A tile's target: its view (or dig, echo), with the tile's own filter added to the user's. */
function openTile(m) {
  if (!m.targetView) return;
  if (m.targetViewFilter) {
    const f = state.filter ? `(${state.filter}) and (${m.targetViewFilter})` : m.targetViewFilter;
    $('#filter').value = f;
    state.filter = f;
    loadSummary();
  }
  if (m.targetView === 'dig' || m.targetView === 'echo') {
    state.view = null;
    state.path = [];
    setTab(m.targetView);
  } else {
    openView(m.targetView);
  }
}

async function loadSummary() {
  try {
    const tiles = await api('summary', common());
    drawTiles(tiles);
    const whole = state.range ? await api('summary', { filter: state.filter }) : tiles;
    drawTimeline(whole);
    $('#tiles').dataset.source = tiles.source;
    if (tiles.note) $('#tiles').prepend(el('div', { class: 'meta', text: tiles.note }));
  } catch (e) {
    $('#tiles').replaceChildren(el('div', { class: 'error-box', text: 'summary: ' + e.message }));
  }
}

// ---- views ------------------------------------------------------------------------------------------------

function drawViewList() {
  const ul = $('#view-list');
  ul.replaceChildren();
  for (const v of state.info.views) {
    const li = el('li', { 'data-view': v.id, title: v.description || v.id, text: v.name });
    li.addEventListener('click', () => openView(v.id));
    ul.append(li);
  }
}

function markView() {
  for (const li of document.querySelectorAll('#view-list li')) {
    li.classList.toggle('on', li.dataset.view === state.view);
  }
}

function openView(id) {
  state.view = id;
  state.path = [];
  state.sort = 0;
  state.asc = null;
  setTab('table');
}

function setTab(tab) {
  state.tab = tab;
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('on', b.dataset.tab === tab);
  showPanel();
}
for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => setTab(b.dataset.tab));

function viewName(id) {
  const v = state.info.views.find((x) => x.id === id);
  return v ? v.name : id;
}

function drawCrumbs() {
  const c = $('#crumbs');
  c.replaceChildren();
  if (!state.view) return;
  state.path.forEach((s, i) => {
    const a = el('a', { 'data-depth': String(i), text: viewName(s.view) + ': ' + s.key });
    a.addEventListener('click', () => back(i));
    c.append(a, el('span', { class: 'sep', text: '›' }));
  });
  c.append(el('span', { class: 'here', text: viewName(state.view) }));
}

/** Back to the view the selection at {@code depth} was made in. */
function back(depth) {
  const s = state.path[depth];
  state.view = s.view;
  state.path = state.path.slice(0, depth);
  state.sort = 0;
  state.asc = null;
  showPanel();
}

let panelSeq = 0;
async function showPanel() {
  markView();
  drawCrumbs();
  const seq = ++panelSeq;
  const content = $('#content');
  if (!state.view && state.tab === 'table') {
    content.replaceChildren(el('div', { class: 'empty', text: 'Click a tile or a view.' }));
    return;
  }
  try {
    let node;
    if (state.tab === 'table') node = await tableNode();
    else if (state.tab === 'dig') node = await digNode();
    else if (state.tab === 'echo') node = await echoNode();
    else if (state.tab === 'spectro') node = await spectroNode();
    else node = await streamNode();
    if (seq === panelSeq) content.replaceChildren(node);
  } catch (e) {
    if (seq === panelSeq) content.replaceChildren(el('div', { class: 'error-box', text: e.message }));
  }
}

async function tableNode() {
  const r = await api('view', queryParams());
  state.lastView = r;
  state.view = r.view;
  markView();
  drawCrumbs();
  $('#sel-filter').textContent = r.filter;
  const table = el('table', { id: 'table', 'data-view': r.view });
  const head = el('tr');
  r.columns.forEach((c, i) => {
    const th = el('th', { title: c.description || c.name, text: c.name, 'data-col': String(i + 1) });
    if (r.sort === i + 1) { th.classList.add('sorted'); if (r.ascending) th.classList.add('asc'); }
    th.addEventListener('click', () => {
      const col = i + 1;
      state.asc = r.sort === col ? !r.ascending : null;
      state.sort = col;
      showPanel();
    });
    head.append(th);
  });
  const body = el('tbody');
  for (const row of r.rows) {
    const tr = el('tr', { 'data-key': row.key });
    if (r.canDrill) {
      tr.classList.add('drill');
      tr.addEventListener('click', () => drill(row.key));
    }
    for (const cell of row.cells) {
      tr.append(el('td', { class: /^-?[\d.]+[KMGTP%]?$/.test(cell.trim()) ? 'num' : '', text: cell }));
    }
    body.append(tr);
  }
  table.append(el('thead', {}, head), body);
  const meta = el('div', { class: 'meta', id: 'table-meta',
    text: `${r.name}: ${r.rowCount} rows` + (r.rowCount > r.rows.length ? ` (the first ${r.rows.length} shown)` : '')
      + ` · ${r.events} events read` + (r.canDrill ? ' · click a row to drill down' : '') });
  return el('div', {}, meta, table);
}

async function drill(key) {
  const p = queryParams();
  p.key = key;
  try {
    const r = await api('drill', p);
    state.view = r.view;
    state.path = r.path;
    state.sort = 0;
    state.asc = null;
    showPanel();
  } catch (e) {
    $('#content').prepend(el('div', { class: 'error-box', text: e.message }));
  }
}

// ---- latency spectrogram -------------------------------------------------------------------------------------

/** The colour of a bucket with n calls in a half-second sample: csysdig's green-to-red scale (xterm 256 colours). */
const SPECTRO_SCALE = ['#005f00', '#008700', '#5f8700', '#00af00', '#008000', '#5fd700', '#00ff00', '#87ff00',
  '#afff00', '#d7ff5f', '#ffff5f', '#ffff00', '#ffff00', '#ffd700', '#ff875f', '#ff8700', '#ff5f00', '#ff005f',
  '#ff0000', '#800000'];
function spectroColour(n) {
  const c = Math.max(1, Math.min(SPECTRO_SCALE.length - 1, Math.floor(Math.log10(n * 2 + 1) / Math.log10(1.6))));
  return SPECTRO_SCALE[c - 1];
}

function svg(tag, attrs = {}) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** The selection's latency spectrogram: x = latency (log10 of ns, 1 ns to 100 s), y = time, newest at the bottom. */
async function spectroNode() {
  const width = 220;
  const r = await api('spectrogram', Object.assign(queryParams(), { width }));
  $('#sel-filter').textContent = r.filter;
  const cell = 4;
  const rowH = 4;
  const left = 70;
  const top = 4;
  const n = r.samples.length;
  const w = left + width * cell + 10;
  const h = top + n * rowH + 30;
  const chart = svg('svg', { id: 'spectro', width: w, height: h, viewBox: `0 0 ${w} ${h}`, 'data-samples': n });
  chart.append(svg('rect', { x: left, y: top, width: width * cell, height: n * rowH, fill: '#000' }));
  const t0 = n ? BigInt(r.samples[0].ts) : 0n;
  r.samples.forEach((s, i) => {
    const y = top + i * rowH;
    for (const [k, count] of s.buckets) {
      if (k < 0 || k >= width || count <= 0) continue;
      const rect = svg('rect', { x: left + k * cell, y, width: cell, height: rowH, fill: spectroColour(count),
        'data-bucket': k, 'data-count': count });
      const t = svg('title');
      t.textContent = `${count} calls, latency >= ${fmtNs(Math.pow(10, k * 11 / width))}`;
      rect.append(t);
      chart.append(rect);
    }
    if (i % 10 === 0) {
      const label = svg('text', { x: left - 4, y: y + rowH, 'text-anchor': 'end', 'font-size': 10, fill: 'currentColor' });
      label.textContent = '+' + (Number(BigInt(s.ts) - t0) / 1e9).toFixed(1) + 's';
      chart.append(label);
    }
  });
  const names = ['1ns', '10ns', '100ns', '1us', '10us', '100us', '1ms', '10ms', '100ms', '1s', '10s', '100s'];
  names.forEach((name, d) => {
    const x = left + d * width * cell / 11;
    chart.append(svg('line', { x1: x, x2: x, y1: top + n * rowH, y2: top + n * rowH + 6, stroke: 'currentColor' }));
    const label = svg('text', { x, y: top + n * rowH + 18, 'text-anchor': 'middle', 'font-size': 10, fill: 'currentColor' });
    label.textContent = name;
    chart.append(label);
  });
  const calls = r.samples.reduce((a, s) => a + s.buckets.reduce((b, [, c]) => b + c, 0), 0);
  const meta = el('div', { class: 'meta', text: `${r.name}: ${n} samples of ${r.intervalNs / 1e6} ms, ${calls} calls` });
  return el('div', {}, meta, n ? chart : el('div', { class: 'empty', text: 'No system call ended in this selection' }));
}

function fmtNs(ns) {
  const units = [[1e9, 's'], [1e6, 'ms'], [1e3, 'us']];
  for (const [d, u] of units) if (ns >= d) return (ns / d).toPrecision(3) + u;
  return Math.round(ns) + 'ns';
}

// ---- dig, echo, follow stream -------------------------------------------------------------------------------

async function digNode() {
  const r = await api('dig', Object.assign(queryParams(), { max: 5000 }));
  $('#sel-filter').textContent = r.filter || '(everything)';
  const meta = el('div', { class: 'meta', text: `${r.lines.length} events` + (r.lines.length >= r.max ? ` (first ${r.max})` : '') });
  return el('div', {}, meta, el('pre', { class: 'lines', id: 'dig', text: r.lines.join('\n') }));
}

function bytesOf(b64) {
  const s = atob(b64);
  const a = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}

function asText(a) {
  let s = '';
  for (const c of a) s += (c >= 32 && c < 127) || c === 10 || c === 9 ? String.fromCharCode(c) : (c === 13 ? '' : '.');
  return s;
}

function asHex(a) {
  const lines = [];
  for (let o = 0; o < a.length; o += 16) {
    const row = a.slice(o, o + 16);
    const hex = Array.from(row, (c) => c.toString(16).padStart(2, '0')).join(' ');
    const txt = Array.from(row, (c) => (c >= 32 && c < 127 ? String.fromCharCode(c) : '.')).join('');
    lines.push(o.toString(16).padStart(8, '0') + '  ' + hex.padEnd(48) + ' ' + txt);
  }
  return lines.join('\n');
}

function fdId(c) {
  return c.pid + ':' + c.fd + ':' + c.fdName;
}

/** The selection's I/O data; reads that returned nothing (the peer closed) carry no bytes to show. */
async function echoData() {
  const r = await api('echo', Object.assign(queryParams(), { max: 5000 }));
  r.chunks = r.chunks.filter((c) => c.data.length > 0);
  return r;
}

function fdSelect(chunks, current, allLabel, onChange, only) {
  const fds = new Map();
  for (const c of chunks) {
    if (only && !only(c)) continue;
    const id = fdId(c);
    const f = fds.get(id) || { n: 0, bytes: 0, c };
    f.n++; f.bytes += bytesOf(c.data).length;
    fds.set(id, f);
  }
  const sel = el('select', { id: allLabel ? 'echo-fd' : 'stream-fd' });
  if (allLabel) sel.append(el('option', { value: '', text: allLabel }));
  for (const [id, f] of fds) {
    sel.append(el('option', { value: id,
      text: `${f.c.process}(${f.c.pid}) fd ${f.c.fd} ${f.c.fdType} ${f.c.fdName} — ${f.n} chunks, ${human(f.bytes, true)}` }));
  }
  sel.value = fds.has(current) ? current : (allLabel ? '' : (fds.keys().next().value || ''));
  sel.addEventListener('change', () => onChange(sel.value));
  return { sel, value: sel.value };
}

async function echoNode() {
  const r = await echoData();
  $('#sel-filter').textContent = r.filter || '(everything)';
  const { sel, value } = fdSelect(r.chunks, state.echoFd, 'all descriptors', (v) => { state.echoFd = v; showPanel(); });
  const mode = el('button', { id: 'echo-mode', text: state.echoMode === 'text' ? 'show hex' : 'show text' });
  mode.addEventListener('click', () => { state.echoMode = state.echoMode === 'text' ? 'hex' : 'text'; showPanel(); });
  const list = el('div', { id: 'echo' });
  const shown = r.chunks.filter((c) => !value || fdId(c) === value);
  for (const c of shown) {
    const a = bytesOf(c.data);
    list.append(el('div', { class: 'chunk ' + (c.write ? 'write' : 'read'), 'data-fd': c.fdName },
      el('div', { class: 'head', text: `#${c.num} ${clock(c.ts)} ${c.process}(${c.pid}) ${c.write ? 'write' : 'read'} fd ${c.fd} ${c.fdName} ${c.length} bytes` }),
      el('pre', { text: state.echoMode === 'text' ? asText(a) : asHex(a) })));
  }
  const bar = el('div', { class: 'echo-bar' }, sel, mode,
    el('span', { class: 'meta', text: `${shown.length} chunks` + (r.chunks.length >= r.max ? ` (first ${r.max})` : '') }));
  return el('div', {}, bar, shown.length ? list : el('div', { class: 'empty', text: 'No I/O data for this selection.' }));
}

const isNet = (c) => c.fdType === 'ipv4' || c.fdType === 'ipv6';

async function streamNode() {
  const r = await echoData();
  $('#sel-filter').textContent = r.filter || '(everything)';
  const { sel, value } = fdSelect(r.chunks, state.streamFd, null, (v) => { state.streamFd = v; showPanel(); }, isNet);
  if (!value) return el('div', { class: 'empty', text: 'No TCP or UDP data for this selection.' });
  state.streamFd = value;
  const box = el('div', { class: 'stream', id: 'stream' });
  let last = null, run = [];
  const flush = () => {
    if (!run.length) return;
    const total = run.reduce((n, a) => n + a.length, 0);
    const all = new Uint8Array(total);
    let o = 0;
    for (const a of run) { all.set(a, o); o += a.length; }
    box.append(el('pre', { class: last ? 'write' : 'read', text: state.echoMode === 'text' ? asText(all) : asHex(all) }));
    run = [];
  };
  let sent = 0, received = 0;
  for (const c of r.chunks.filter((x) => fdId(x) === value)) {
    if (last !== null && last !== c.write) flush();
    last = c.write;
    const a = bytesOf(c.data);
    if (c.write) sent += a.length; else received += a.length;
    run.push(a);
  }
  flush();
  const mode = el('button', { id: 'stream-mode', text: state.echoMode === 'text' ? 'show hex' : 'show text' });
  mode.addEventListener('click', () => { state.echoMode = state.echoMode === 'text' ? 'hex' : 'text'; showPanel(); });
  const legend = el('span', { class: 'legend' }, el('span', { class: 'write', text: `sent ${human(sent, true)}` }),
    ' · ', el('span', { class: 'read', text: `received ${human(received, true)}` }));
  return el('div', {}, el('div', { class: 'echo-bar' }, sel, mode, legend), box);
}

// ---- live updates -----------------------------------------------------------------------------------------

function connect() {
  const s = new EventSource('/api/stream');
  s.addEventListener('ready', () => $('#status').className = 'status up');
  s.addEventListener('tick', () => { $('#status').className = 'status up'; });
  s.addEventListener('refresh', async (ev) => {
    $('#status').className = 'status up';
    if (!state.info || !state.info.live) return;
    state.info = await api('info');
    $('#source').textContent = `live · ${human(Number(ev.data))} events`;
    if (pending === 0) refreshAll();
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
  });
  s.onerror = () => { $('#status').className = 'status down'; };
}

// ---- start ------------------------------------------------------------------------------------------------

function refreshAll() {
  loadSummary();
  if (state.view || state.tab !== 'table') showPanel();
}

async function start() {
  // the token came in the address; the server has set it as a cookie: keep it out of the address bar
  if (location.search.includes('token=')) history.replaceState(null, '', '/');
  try {
    state.info = await api('info');
    // the first read of a capture: its progress, until the server answers
    while (state.info.loading) {
      const pct = Number(state.info.progress) || 0;
      $('#source').textContent = `reading ${state.info.source.split('/').pop()}: ${pct.toFixed(0)}%`;
      $('#tiles').replaceChildren(el('div', { class: 'loading', id: 'loading' },
        el('div', { text: `Reading the capture… ${pct.toFixed(1)}%` }),
        el('div', { class: 'bar' }, el('div', { style: `width:${pct}%` }))));
      await new Promise((r) => setTimeout(r, 300));
      state.info = await api('info');
    }
  } catch (e) {
    document.body.replaceChildren(el('div', { class: 'error-box', text: 'jdig: ' + e.message }));
    return;
  }
  $('#source').textContent = state.info.live ? `live · ${human(state.info.events)} events`
    : `${state.info.source.split('/').pop()} · ${human(state.info.events)} events`
      + (state.info.cutShort ? ' · truncated' : '');
  $('#save-box').hidden = false;
  $('#save').addEventListener('click', () => {
    const n = Math.max(1, Number($('#save-seconds').value) || 10);
    location.href = '/api/save?seconds=' + n; // a download: the page stays
  });
  // a file cut short was read up to the cut: the reason is one hover away
  $('#source').title = state.info.source + (state.info.cutShort
    ? `\n${state.info.cutShort}: what is shown are the events before it` : '');
  drawViewList();
  connect();
  await loadSummary();
  document.body.dataset.ready = 'true';
}
start();
