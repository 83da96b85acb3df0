// zhpipe web page: search with facets, passage view, figures/targets table and chart. Plain DOM code, no
// build step. Everything comes from the JSON API of this server; text is inserted as text, except the
// search highlight, which the server has HTML-escaped with only <mark> added.
'use strict';

const FACETS = ['place', 'org', 'person', 'year', 'doc', 'kind', 'unit'];
const FACET_LABEL = { place: '地点 place', org: '机构 org', person: '人物 person', year: '年份 year', doc: '文档 doc', kind: '数字类型 kind', unit: '单位 unit' };
const FIGURE_FIELDS = new Set(['doc', 'place', 'org', 'year', 'unit', 'kind']);
const COLUMNS = [
  ['value', '数值'], ['unit', '单位'], ['qualifier', '限定'], ['metric', '指标'], ['period', '时期'], ['status', '状态'],
  ['place', '地点'], ['org', '机构'], ['doc', '文档'], ['start', '位置'], ['sentence', '原句'],
];
const PAGE = 10;
const CELL_CLASS = { value: 'num', start: 'num', sentence: 'sentence', metric: 'wrap', place: 'wrap', org: 'wrap' };
const NO_METRIC = '（未标指标）';

const state = { q: '', filters: [], offset: 0, script: 'auto', shownScript: 'simplified', figRows: [], sort: { key: 'doc', desc: false }, figLoaded: false };
const $ = (id) => document.getElementById(id);

// A token given as #token=… is kept for this tab and never put in URLs sent to the server.
const hashToken = new URLSearchParams(location.hash.slice(1)).get('token');
if (hashToken) {
  sessionStorage.setItem('zhpipe-token', hashToken);
  history.replaceState(null, '', location.pathname);
}
const token = sessionStorage.getItem('zhpipe-token');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => (box.hidden = true), 6000);
}

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
    else if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  }
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = await res.json().catch(() => ({ error: res.statusText }));
    throw new Error(body.error || `HTTP ${res.status}`);
  }
  return res;
}

const quote = (v) => `"${String(v).replace(/"/g, '')}"`;
const filterExprs = (only) => state.filters.filter((f) => !only || only.has(f.field)).map((f) => `${f.field} = ${f.field === 'year' ? f.value : quote(f.value)}`);
const scriptParam = () => (state.script === 'auto' ? undefined : state.script);

// ---- search ----------------------------------------------------------------------------------------

async function runSearch() {
  try {
    const res = await api('/api/search', { q: state.q, filter: filterExprs(), facets: FACETS.join(','), limit: PAGE, offset: state.offset, script: scriptParam() });
    const data = await res.json();
    state.shownScript = data.query.script;
    renderSummary(data);
    renderHits(data.hits);
    renderFacets(data.facets);
    renderPager(data.total);
  } catch (err) {
    showError(err.message);
  }
  if (state.figLoaded) loadFigures();
}

function renderSummary(data) {
  const q = data.query;
  const as = q.simplified && q.simplified !== q.text ? `（按「${q.simplified}」检索）` : '';
  const partial = data.hits.some((h) => h.matched === 'partial') ? '（没有段落包含全部词语，以下段落包含其中大部分）' : '';
  $('summary').textContent = q.text ? `「${q.text}」${as}：${data.total} 段${partial}` : `全部段落：${data.total} 段`;
  const chips = $('chips');
  chips.replaceChildren(...state.filters.map((f, i) => el('button', { class: 'chip', type: 'button', title: '移除筛选', onclick: () => { state.filters.splice(i, 1); state.offset = 0; runSearch(); } }, `${f.field}: ${f.value} ×`)));
}

function renderHits(hits) {
  $('results').replaceChildren(...hits.map((hit, i) => {
    const text = el('div', { class: 'text' });
    text.innerHTML = hit.highlight; // server-escaped, <mark> only
    const tags = el('div', { class: 'tags' },
      ...['person', 'place', 'org'].flatMap((t) => hit[t].map((name) => el('span', { class: `tag ${t}` }, name))),
      ...hit.figures.slice(0, 6).map((f) => el('span', { class: 'tag figure', title: `${f.metric} ${f.status}` }, f.text)));
    // "N more in this document": once, under the last passage shown of the document.
    const more = hit.more > 0 && !hits.slice(i + 1).some((h) => h.doc === hit.doc)
      ? [el('div', { class: 'more' }, `本文还有 ${hit.more} 段匹配`)] : [];
    return el('li', { class: hit.matched === 'partial' ? 'hit partial' : 'hit', 'data-id': hit.id },
      el('div', { class: 'meta' }, el('span', { class: 'doc' }, `${hit.doc}:${hit.line}`), el('span', {}, `[${hit.start}–${hit.end}]`),
        ...(hit.matched === 'partial' ? [el('span', { class: 'badge' }, '部分匹配')] : []),
        el('button', { class: 'open', type: 'button', onclick: () => openPassage(hit.id) }, '查看段落')),
      text, tags, ...more);
  }));
}

function renderFacets(facets) {
  const active = (field, value) => state.filters.some((f) => f.field === field && String(f.value) === String(value));
  $('facets').replaceChildren(...FACETS.filter((name) => Object.keys(facets[name] || {}).length).map((name) => {
    const entries = Object.entries(facets[name]).sort((a, b) => b[1] - a[1]).slice(0, 12);
    return el('section', { 'data-facet': name }, el('h3', {}, FACET_LABEL[name]),
      el('ul', {}, ...entries.map(([value, count]) => el('li', {},
        el('button', { type: 'button', class: active(name, value) ? 'on' : '', 'data-value': value, title: value, onclick: () => toggleFilter(name, value) },
          el('span', { class: 'value' }, name === 'doc' ? value.split('/').pop() : value), el('span', { class: 'count' }, String(count)))))));
  }));
}

function toggleFilter(field, value) {
  const i = state.filters.findIndex((f) => f.field === field && String(f.value) === String(value));
  if (i >= 0) state.filters.splice(i, 1);
  else state.filters.push({ field, value });
  state.offset = 0;
  runSearch();
}

function renderPager(total) {
  const pager = $('pager');
  pager.replaceChildren();
  if (state.offset > 0) pager.append(el('button', { type: 'button', onclick: () => { state.offset -= PAGE; runSearch(); } }, '← 上一页'));
  if (state.offset + PAGE < total) pager.append(el('button', { type: 'button', onclick: () => { state.offset += PAGE; runSearch(); } }, '下一页 →'));
}

// ---- passage view ----------------------------------------------------------------------------------

async function openPassage(id) {
  try {
    const p = await (await api(`/api/passages/${encodeURIComponent(id)}`, { script: scriptParam() || state.shownScript })).json();
    const body = el('div', { class: 'body' });
    let at = 0;
    for (const s of p.spans) {
      body.append(p.text.slice(at, s.start), el('span', { class: `ent ${s.type}`, title: s.label }, p.text.slice(s.start, s.end)));
      at = s.end;
    }
    body.append(p.text.slice(at));
    const figures = el('ul', { class: 'figures' }, ...p.figures.map((f) => el('li', {}, `${f.text} → ${f.value}${f.unit}（${f.metric || f.kind}${f.period ? '，' + f.period : ''}，${f.status}）`)));
    $('passage-body').replaceChildren(...[
      el('h2', {}, p.doc.split('/').pop()),
      el('p', { class: 'muted' }, `第 ${p.line} 行 · 偏移 [${p.start}–${p.end}] · ${p.id}`),
      el('div', { class: 'legend' }, el('span', { class: 'tag person' }, '人物'), el('span', { class: 'tag place' }, '地点'), el('span', { class: 'tag org' }, '机构'), el('span', { class: 'tag figure' }, '数字')),
      p.before ? el('p', { class: 'context' }, p.before.text) : null,
      body,
      p.after ? el('p', { class: 'context' }, p.after.text) : null,
      p.figures.length ? el('h3', {}, '数字') : null,
      p.figures.length ? figures : null,
    ].filter(Boolean));
    $('passage').hidden = false;
  } catch (err) {
    showError(err.message);
  }
}

// ---- figures and targets ---------------------------------------------------------------------------

async function loadFigures() {
  state.figLoaded = true;
  try {
    const data = await (await api('/api/figures', { status: $('fig-status').value, filter: filterExprs(FIGURE_FIELDS) })).json();
    state.figRows = data.rows;
    state.figTruncated = data.truncated ? data.total : 0;
    renderFigures();
  } catch (err) {
    showError(err.message);
  }
}

const cellText = (row, key) => (Array.isArray(row[key]) ? row[key].join('、') : row[key] === null || row[key] === undefined ? '' : String(row[key]));

function visibleRows() {
  const needle = $('fig-filter').value.trim();
  const rows = needle ? state.figRows.filter((r) => COLUMNS.some(([k]) => cellText(r, k).includes(needle))) : [...state.figRows];
  const { key, desc } = state.sort;
  rows.sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : cellText(a, key).localeCompare(cellText(b, key), 'zh');
    return desc ? -c : c;
  });
  return rows;
}

function renderFigures() {
  const rows = visibleRows();
  $('fig-summary').textContent = `${rows.length} / ${state.figRows.length} 个数字` + (state.figTruncated ? `（共 ${state.figTruncated} 个，表格只列前 ${state.figRows.length} 个；完整数据请下载 CSV）` : '');
  const head = el('tr', {}, ...COLUMNS.map(([key, label]) => el('th', {
    class: state.sort.key === key ? `sorted${state.sort.desc ? ' desc' : ''}` : '', 'data-key': key,
    onclick: () => { state.sort = { key, desc: state.sort.key === key ? !state.sort.desc : false }; renderFigures(); },
  }, label)));
  $('figtable').tHead.replaceChildren(head);
  $('figtable').tBodies[0].replaceChildren(...rows.slice(0, 1000).map((r) => el('tr', {},
    ...COLUMNS.map(([key]) => el('td', { class: CELL_CLASS[key] || '', title: key === 'doc' ? r.doc : '' },
      key === 'value' ? r.value.toLocaleString('zh-CN') + (r.valueHi !== null ? `–${r.valueHi.toLocaleString('zh-CN')}` : '')
        : key === 'start' ? `${r.start}–${r.end}` : key === 'doc' ? r.doc.split('/').pop() : cellText(r, key))))));
  renderChart(rows);
}

function renderChart(rows) {
  const by = $('chart-by').value;
  const counts = new Map();
  for (const r of rows) for (const key of by === 'year' ? (r.year.length ? r.year.map(String) : ['（未标年份）']) : [r.metric || NO_METRIC]) counts.set(key, (counts.get(key) || 0) + 1);
  const entries = [...counts.entries()].sort((a, b) => (by === 'year' ? a[0].localeCompare(b[0]) : b[1] - a[1])).slice(0, 12);
  const NS = 'http://www.w3.org/2000/svg';
  const rowH = 22;
  const labelW = 200;
  const width = 720;
  const max = Math.max(1, ...entries.map((e) => e[1]));
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${entries.length * rowH + 8}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', by === 'year' ? 'figures per year' : 'figures per metric');
  entries.forEach(([label, n], i) => {
    const y = i * rowH + 4;
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', String(labelW - 8)); t.setAttribute('y', String(y + 14)); t.setAttribute('text-anchor', 'end');
    t.textContent = label.length > 14 ? label.slice(0, 13) + '…' : label;
    const r = document.createElementNS(NS, 'rect');
    r.setAttribute('x', String(labelW)); r.setAttribute('y', String(y + 2)); r.setAttribute('height', String(rowH - 6));
    r.setAttribute('width', String(Math.max(2, ((width - labelW - 40) * n) / max)));
    const c = document.createElementNS(NS, 'text');
    c.setAttribute('x', String(labelW + ((width - labelW - 40) * n) / max + 6)); c.setAttribute('y', String(y + 14));
    c.textContent = String(n);
    svg.append(t, r, c);
  });
  $('chart').replaceChildren(svg);
}

// Downloads go through fetch (so the token header is sent) and a temporary object URL.
async function download(path, params, name) {
  try {
    const blob = await (await api(path, params)).blob();
    const a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  } catch (err) {
    showError(err.message);
  }
}

function downloadCsv() {
  const status = $('fig-status').value;
  if (status === 'target') download('/api/targets', { format: 'csv', filter: filterExprs(FIGURE_FIELDS) }, 'targets.csv');
  else download('/api/figures', { format: 'csv', status, filter: filterExprs(FIGURE_FIELDS) }, 'figures.csv');
}

const exportCorpus = (format) => download('/api/export', { q: state.q, filter: filterExprs(), format }, `corpus.${format}`);

// ---- wiring ----------------------------------------------------------------------------------------

function showTab(name) {
  $('view-search').hidden = name !== 'search';
  $('view-figures').hidden = name !== 'figures';
  $('tab-search').classList.toggle('active', name === 'search');
  $('tab-figures').classList.toggle('active', name === 'figures');
  if (name === 'figures') {
    $('passage').hidden = true;
    loadFigures();
  }
}

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.q = $('q').value.trim();
  state.offset = 0;
  $('passage').hidden = true;
  runSearch();
});
for (const radio of document.querySelectorAll('input[name=script]')) {
  radio.addEventListener('change', () => { state.script = radio.value; runSearch(); });
}
$('tab-search').addEventListener('click', () => showTab('search'));
$('tab-figures').addEventListener('click', () => showTab('figures'));
$('close-passage').addEventListener('click', () => ($('passage').hidden = true));
$('fig-status').addEventListener('change', loadFigures);
$('fig-filter').addEventListener('input', renderFigures);
$('chart-by').addEventListener('change', () => renderChart(visibleRows()));
$('csv').addEventListener('click', downloadCsv);
$('export-jsonl').addEventListener('click', () => exportCorpus('jsonl'));
$('export-csv').addEventListener('click', () => exportCorpus('csv'));
runSearch();
