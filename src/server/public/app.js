// zhpipe web page: search with facets, passage view, figures/targets table and chart. Plain DOM code, no
// build step. Everything comes from the JSON API of this server; text is inserted as text, except the
// search highlight, which the server has HTML-escaped with only <mark> added.
// The state of the page (query, filters, script, tab, page, open passage, figure status) lives in the URL:
// a search can be bookmarked, shared and reloaded, and the back button steps back through it.
'use strict';

const FACETS = ['source', 'place', 'org', 'person', 'year', 'doc', 'kind', 'unit', 'month'];
const FACET_LABEL = {
  source: '来源 source',
  place: '地点 place',
  org: '机构 org',
  person: '人物 person',
  year: '年份 year',
  doc: '文档 doc',
  kind: '数字类型 kind',
  unit: '单位 unit',
  month: '月份 month',
};
const SORTS = ['relevance', '-date', 'date'];
// Facets shown before "more"; Meilisearch sends up to 200 values of each.
const FACET_SHOWN = 12;
const FIGURE_FIELDS = new Set(['doc', 'place', 'org', 'year', 'unit', 'kind', 'source', 'month', 'months']);
// A range of months brushed on the histogram: `months` = `2025-01..2025-03`, sent as two date conditions.
const STATUSES = ['target', 'actual', 'other', 'all'];
const COLUMNS = [
  ['value', '数值'],
  ['text', '原文'],
  ['unit', '单位'],
  ['qualifier', '限定'],
  ['metric', '指标'],
  ['period', '时期'],
  ['status', '状态'],
  ['place', '地点'],
  ['org', '机构'],
  ['doc', '文档'],
  ['start', '位置'],
  ['sentence', '原句'],
];
const PAGE = 10;
const CELL_CLASS = { value: 'num', start: 'num', sentence: 'sentence', metric: 'wrap', place: 'wrap', org: 'wrap' };
const NO_METRIC = '（未标指标）';

const state = {
  // In the URL:
  q: '',
  filters: [],
  offset: 0,
  script: 'auto',
  tab: 'search',
  passage: null,
  status: 'target',
  sort: 'relevance',
  // Of this view only:
  shownScript: 'simplified',
  figRows: [],
  figTruncated: 0,
  figKey: null,
  sort: { key: 'doc', desc: false },
  facets: {},
  facetOpen: {},
  facetNeedle: {},
};
const $ = (id) => document.getElementById(id);

// A token given as #token=… is kept for this tab and never put in URLs sent to the server.
const hashToken = new URLSearchParams(location.hash.slice(1)).get('token');
if (hashToken) {
  sessionStorage.setItem('zhpipe-token', hashToken);
  history.replaceState(null, '', location.pathname + location.search);
}
const token = sessionStorage.getItem('zhpipe-token');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'value') node.value = v;
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
const filterExprs = (only) =>
  state.filters
    .filter((f) => !only || only.has(f.field))
    .flatMap((f) => {
      if (f.field === 'months') {
        const [from, to] = f.value.split('..');
        return [`date >= ${from}`, `date <= ${to}`];
      }
      return [`${f.field} = ${f.field === 'year' ? f.value : quote(f.value)}`];
    });
const scriptParam = () => (state.script === 'auto' ? undefined : state.script);
const chipText = (f) => `${f.field}: ${f.field === 'doc' ? f.value.split('/').pop() : f.field === 'months' ? f.value.replace('..', ' – ') : f.value}`;

// ---- the URL -----------------------------------------------------------------------------------------

function readUrl() {
  const u = new URLSearchParams(location.search);
  state.q = u.get('q') || '';
  state.filters = u
    .getAll('f')
    .map((s) => {
      const i = s.indexOf(':');
      const field = s.slice(0, i);
      const value = s.slice(i + 1);
      if (field === 'months') return /^\d{4}-\d\d\.\.\d{4}-\d\d$/.test(value) ? { field, value } : null;
      return i > 0 && FACETS.includes(field) ? { field, value } : null;
    })
    .filter(Boolean);
  const page = Number.parseInt(u.get('page') || '1', 10);
  state.offset = Number.isInteger(page) && page > 1 ? (page - 1) * PAGE : 0;
  state.script = ['simplified', 'traditional'].includes(u.get('script')) ? u.get('script') : 'auto';
  state.tab = u.get('tab') === 'figures' ? 'figures' : 'search';
  state.passage = u.get('p') || null;
  state.status = STATUSES.includes(u.get('status')) ? u.get('status') : 'target';
  state.sort = SORTS.includes(u.get('sort')) ? u.get('sort') : 'relevance';
}

function urlOf() {
  const u = new URLSearchParams();
  if (state.q) u.set('q', state.q);
  for (const f of state.filters) u.append('f', `${f.field}:${f.value}`);
  if (state.offset) u.set('page', String(state.offset / PAGE + 1));
  if (state.script !== 'auto') u.set('script', state.script);
  if (state.tab !== 'search') u.set('tab', state.tab);
  if (state.status !== 'target') u.set('status', state.status);
  if (state.sort !== 'relevance') u.set('sort', state.sort);
  if (state.passage) u.set('p', state.passage);
  const query = u.toString();
  return location.pathname + (query ? `?${query}` : '');
}

/** Every user action goes through here: the state changes, the URL gets a history entry, the page follows. */
function navigate(change) {
  change();
  const url = urlOf();
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  render();
}

async function render() {
  $('q').value = state.q;
  for (const radio of document.querySelectorAll('input[name=script]')) radio.checked = radio.value === state.script;
  $('fig-status').value = state.status;
  $('sort').value = state.sort;
  const figures = state.tab === 'figures';
  $('view-search').hidden = figures;
  $('view-figures').hidden = !figures;
  $('tab-search').classList.toggle('active', !figures);
  $('tab-figures').classList.toggle('active', figures);
  if (figures) {
    $('passage').hidden = true;
    await loadFigures();
    return;
  }
  await runSearch();
  if (state.passage) await openPassage(state.passage);
  else $('passage').hidden = true;
}

// ---- search ----------------------------------------------------------------------------------------

// Answers can arrive out of order (a reload's first search, then the one typed): only the latest is shown.
let searchGeneration = 0;

async function runSearch() {
  const generation = ++searchGeneration;
  try {
    const res = await api('/api/search', {
      q: state.q,
      filter: filterExprs(),
      facets: FACETS.join(','),
      limit: PAGE,
      offset: state.offset,
      script: scriptParam(),
      sort: state.sort === 'relevance' ? undefined : state.sort,
    });
    const data = await res.json();
    if (generation !== searchGeneration) return;
    state.shownScript = data.query.script;
    renderSummary(data);
    renderHits(data.hits);
    renderFacets(data.facets);
    renderHistogram(data.facets.month || {});
    renderPager(data.total);
  } catch (err) {
    showError(err.message);
  }
}

function renderSummary(data) {
  const q = data.query;
  const as = q.simplified && q.simplified !== q.text ? `（按「${q.simplified}」检索）` : '';
  const partial = data.hits.some((h) => h.matched === 'partial') ? '（没有段落包含全部词语，以下段落包含其中大部分）' : '';
  const summary = $('summary');
  summary.textContent = q.text ? `「${q.text}」${as}：${data.total} 段${partial}` : `全部段落：${data.total} 段`;
  // No silent filters: an empty result under filters says which ones, and offers to clear them.
  if (data.total === 0 && state.filters.length) {
    summary.append(
      el(
        'span',
        { class: 'empty-filters' },
        ` — 在筛选条件 ${state.filters.map(chipText).join('、')} 下没有结果。`,
        el(
          'button',
          {
            type: 'button',
            id: 'clear-filters',
            onclick: () =>
              navigate(() => {
                state.filters = [];
                state.offset = 0;
              }),
          },
          '清除筛选',
        ),
      ),
    );
  }
  $('chips').replaceChildren(
    ...state.filters.map((f, i) =>
      el(
        'button',
        {
          class: 'chip',
          type: 'button',
          title: '移除筛选',
          onclick: () =>
            navigate(() => {
              state.filters.splice(i, 1);
              state.offset = 0;
            }),
        },
        `${chipText(f)} ×`,
      ),
    ),
  );
}

function renderHits(hits) {
  $('results').replaceChildren(
    ...hits.map((hit, i) => {
      const text = el('div', { class: 'text' });
      text.innerHTML = hit.highlight; // server-escaped, <mark> only
      const tags = el(
        'div',
        { class: 'tags' },
        ...['person', 'place', 'org'].flatMap((t) => hit[t].map((name) => el('span', { class: `tag ${t}` }, name))),
        ...hit.figures.slice(0, 6).map((f) => el('span', { class: 'tag figure', title: `${f.metric} ${f.status}` }, f.text)),
      );
      // "N more in this document": once, under the last passage shown of the document.
      const more = hit.more > 0 && !hits.slice(i + 1).some((h) => h.doc === hit.doc) ? [el('div', { class: 'more' }, `本文还有 ${hit.more} 段匹配`)] : [];
      return el(
        'li',
        { class: hit.matched === 'partial' ? 'hit partial' : 'hit', 'data-id': hit.id },
        hit.title || hit.date || hit.source
          ? el(
              'div',
              { class: 'docmeta' },
              hit.url
                ? el('a', { href: hit.url, target: '_blank', rel: 'noopener noreferrer', class: 'title' }, hit.title || hit.url)
                : el('span', { class: 'title' }, hit.title || ''),
              hit.date ? el('span', { class: 'date' }, hit.date) : null,
              hit.source ? el('span', { class: 'source' }, hit.source) : null,
            )
          : null,
        el(
          'div',
          { class: 'meta' },
          el('span', { class: 'doc' }, `${hit.doc}:${hit.line}`),
          el('span', {}, `[${hit.start}–${hit.end}]`),
          ...(hit.matched === 'partial' ? [el('span', { class: 'badge' }, '部分匹配')] : []),
          el(
            'button',
            {
              class: 'open',
              type: 'button',
              onclick: () =>
                navigate(() => {
                  state.passage = hit.id;
                }),
            },
            '查看段落',
          ),
        ),
        text,
        tags,
        ...more,
      );
    }),
  );
}

function toggleFilter(field, value) {
  navigate(() => {
    const i = state.filters.findIndex((f) => f.field === field && String(f.value) === String(value));
    if (i >= 0) state.filters.splice(i, 1);
    else state.filters.push({ field, value: String(value) });
    state.offset = 0;
  });
}

function renderFacets(facets) {
  state.facets = facets;
  $('facets').replaceChildren(
    ...FACETS.filter((name) => Object.keys(facets[name] || {}).length).map((name) => {
      const all = Object.entries(facets[name]).sort((a, b) => b[1] - a[1]);
      const list = el('ul');
      const section = el('section', { 'data-facet': name }, el('h3', {}, FACET_LABEL[name]));
      // A search box and "more" where the list is longer than what is shown.
      if (all.length > FACET_SHOWN) {
        section.append(
          el('input', {
            type: 'search',
            class: 'facet-search',
            placeholder: `在 ${all.length} 项中查找…`,
            'aria-label': `search ${name}`,
            value: state.facetNeedle[name] || '',
            oninput: (e) => {
              state.facetNeedle[name] = e.target.value;
              fillFacet(list, name, all);
            },
          }),
        );
      }
      section.append(list);
      fillFacet(list, name, all);
      return section;
    }),
  );
}

function fillFacet(list, name, all) {
  const active = (value) => state.filters.some((f) => f.field === name && String(f.value) === String(value));
  const needle = (state.facetNeedle[name] || '').trim();
  const matching = needle ? all.filter(([value]) => value.includes(needle)) : all;
  const shown = state.facetOpen[name] || needle ? matching : matching.slice(0, FACET_SHOWN);
  const rows = shown.map(([value, count]) =>
    el(
      'li',
      {},
      el(
        'button',
        { type: 'button', class: active(value) ? 'on' : '', 'data-value': value, title: value, onclick: () => toggleFilter(name, value) },
        el('span', { class: 'value' }, name === 'doc' ? value.split('/').pop() : value),
        el('span', { class: 'count' }, String(count)),
      ),
    ),
  );
  if (!needle && all.length > FACET_SHOWN) {
    const open = Boolean(state.facetOpen[name]);
    rows.push(
      el(
        'li',
        {},
        el(
          'button',
          {
            type: 'button',
            class: 'more-values',
            onclick: () => {
              state.facetOpen[name] = !open;
              fillFacet(list, name, all);
            },
          },
          open ? '收起' : `更多（共 ${all.length} 项）`,
        ),
      ),
    );
  }
  if (needle && matching.length === 0) rows.push(el('li', { class: 'muted' }, '没有匹配的值'));
  list.replaceChildren(...rows);
}

/**
 * Hits per month (the month facet) as bars. A click filters to that month (a second click lifts it); dragging
 * across bars brushes a range of months, which replaces any month filter.
 */
function renderHistogram(months) {
  const entries = Object.entries(months).sort((a, b) => a[0].localeCompare(b[0]));
  const box = $('histogram');
  if (entries.length < 2) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const max = Math.max(...entries.map((e) => e[1]));
  const width = 720;
  const height = 90;
  const w = width / entries.length;
  const range = state.filters.find((f) => f.field === 'months')?.value.split('..');
  const inFilter = (month) => state.filters.some((f) => f.field === 'month' && f.value === month) || Boolean(range && range[0] <= month && month <= range[1]);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height + 16}`, role: 'img', 'aria-label': 'hits per month' });
  const bars = [];
  let brushFrom = null;
  const paint = (to) =>
    bars.forEach((bar, i) => bar.classList.toggle('brushed', brushFrom !== null && Math.min(brushFrom, to) <= i && i <= Math.max(brushFrom, to)));
  entries.forEach(([month, n], i) => {
    const h = Math.max(2, (height * n) / max);
    const bar = svgEl('rect', {
      x: i * w + 1,
      y: height - h,
      width: Math.max(1, w - 2),
      height: h,
      class: inFilter(month) ? 'bar on' : 'bar',
      'data-month': month,
    });
    bar.append(svgEl('title', {}, `${month}: ${n} 段`));
    bar.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      brushFrom = i;
      paint(i);
    });
    bar.addEventListener('pointerenter', () => {
      if (brushFrom !== null) paint(i);
    });
    bar.addEventListener('pointerup', () => {
      const from = brushFrom;
      brushFrom = null;
      paint(i);
      if (from === null || from === i) return toggleFilter('month', month);
      const [lo, hi] = [entries[Math.min(from, i)][0], entries[Math.max(from, i)][0]];
      navigate(() => {
        state.filters = state.filters.filter((f) => f.field !== 'month' && f.field !== 'months');
        state.filters.push({ field: 'months', value: `${lo}..${hi}` });
        state.offset = 0;
      });
    });
    bars.push(bar);
    svg.append(bar);
    if (i === 0 || i === entries.length - 1 || entries.length <= 12)
      svg.append(svgEl('text', { x: i * w + w / 2, y: height + 13, 'text-anchor': 'middle' }, month));
  });
  svg.addEventListener('pointerleave', () => {
    brushFrom = null;
    paint(-1);
  });
  box.replaceChildren(svg);
}

function renderPager(total) {
  // A button that turns the page by `step` results (and closes the open passage).
  const turn = (step, label) =>
    el(
      'button',
      {
        type: 'button',
        onclick: () =>
          navigate(() => {
            state.offset += step;
            state.passage = null;
          }),
      },
      label,
    );
  const pager = $('pager');
  pager.replaceChildren();
  if (state.offset > 0) pager.append(turn(-PAGE, '← 上一页'));
  if (total > PAGE) pager.append(el('span', { class: 'muted' }, `第 ${state.offset / PAGE + 1} 页`));
  if (state.offset + PAGE < total) pager.append(turn(PAGE, '下一页 →'));
}

// ---- passage view ----------------------------------------------------------------------------------

/** The passage text with entity and figure spans, and the query's words marked: pieces cut at every boundary. */
function markedText(text, spans, matches) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end]), ...matches.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const body = el('div', { class: 'body' });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    let piece = text.slice(from, to);
    if (matches.some((m) => m.start <= from && to <= m.end)) piece = el('mark', {}, piece);
    const span = spans.find((s) => s.start <= from && to <= s.end);
    body.append(span ? el('span', { class: `ent ${span.type}`, title: span.label }, piece) : piece);
  }
  return body;
}

async function openPassage(id) {
  try {
    const p = await (await api(`/api/passages/${encodeURIComponent(id)}`, { script: scriptParam() || state.shownScript, q: state.q })).json();
    const figures = el(
      'ul',
      { class: 'figures' },
      ...p.figures.map((f) => el('li', {}, `${f.text} → ${f.value}${f.unit}（${f.metric || f.kind}${f.period ? '，' + f.period : ''}，${f.status}）`)),
    );
    $('passage-body').replaceChildren(
      ...[
        el('h2', {}, p.doc.split('/').pop()),
        el('p', { class: 'muted' }, `第 ${p.line} 行 · 偏移 [${p.start}–${p.end}] · ${p.id}`),
        el(
          'div',
          { class: 'legend' },
          el('span', { class: 'tag person' }, '人物'),
          el('span', { class: 'tag place' }, '地点'),
          el('span', { class: 'tag org' }, '机构'),
          el('span', { class: 'tag figure' }, '数字'),
          el('mark', {}, '检索词'),
        ),
        p.before ? el('p', { class: 'context' }, p.before.text) : null,
        markedText(p.text, p.spans, p.matches || []),
        p.after ? el('p', { class: 'context' }, p.after.text) : null,
        p.figures.length ? el('h3', {}, '数字') : null,
        p.figures.length ? figures : null,
      ].filter(Boolean),
    );
    $('passage').hidden = false;
  } catch (err) {
    showError(err.message);
  }
}

// ---- figures and targets ---------------------------------------------------------------------------

let figuresGeneration = 0;

/** The figures of the current search: its query, the filters that apply to figures, the status, the script. */
async function loadFigures() {
  const params = { q: state.q, status: state.status, filter: filterExprs(FIGURE_FIELDS), script: scriptParam() || state.shownScript };
  const key = JSON.stringify(params);
  const ignored = state.filters.filter((f) => !FIGURE_FIELDS.has(f.field));
  $('fig-heading').textContent =
    (state.q ? `「${state.q}」的数字` : '全部文档的数字') +
    (state.filters.length - ignored.length
      ? `，筛选：${state.filters
          .filter((f) => FIGURE_FIELDS.has(f.field))
          .map(chipText)
          .join('、')}`
      : '') +
    (ignored.length ? `（${ignored.map(chipText).join('、')} 不适用于数字）` : '');
  if (key === state.figKey) return renderFigures();
  const generation = ++figuresGeneration;
  try {
    const data = await (await api('/api/figures', params)).json();
    if (generation !== figuresGeneration) return;
    state.figKey = key;
    state.figRows = data.rows;
    state.figTruncated = data.truncated ? data.total : 0;
    renderMetricChoices();
    renderFigures();
  } catch (err) {
    showError(err.message);
  }
}

const cellText = (row, key) => (Array.isArray(row[key]) ? row[key].join('、') : row[key] === null || row[key] === undefined ? '' : String(row[key]));
const asNumber = (id) => {
  const v = $(id).value.trim();
  return v === '' || Number.isNaN(Number(v)) ? null : Number(v);
};

function visibleRows() {
  const needle = $('fig-filter').value.trim();
  const min = asNumber('fig-min');
  const max = asNumber('fig-max');
  // `match` holds the row's text in both scripts: the filter finds 充電樁 and 充电桩 alike.
  const rows = state.figRows.filter((r) => (!needle || r.match.includes(needle)) && (min === null || r.value >= min) && (max === null || r.value <= max));
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
  $('fig-summary').textContent =
    `${rows.length} / ${state.figRows.length} 个数字` +
    (state.figTruncated ? `（共 ${state.figTruncated} 个，表格只列前 ${state.figRows.length} 个；完整数据请下载 CSV）` : '');
  const head = el(
    'tr',
    {},
    ...COLUMNS.map(([key, label]) =>
      el(
        'th',
        {
          class: state.sort.key === key ? `sorted${state.sort.desc ? ' desc' : ''}` : '',
          'data-key': key,
          onclick: () => {
            state.sort = { key, desc: state.sort.key === key ? !state.sort.desc : false };
            renderFigures();
          },
        },
        label,
      ),
    ),
  );
  $('figtable').tHead.replaceChildren(head);
  $('figtable').tBodies[0].replaceChildren(
    ...rows
      .slice(0, 1000)
      .map((r) =>
        el(
          'tr',
          {},
          ...COLUMNS.map(([key]) =>
            el(
              'td',
              { class: CELL_CLASS[key] || '', title: key === 'doc' ? r.doc : '' },
              key === 'value'
                ? r.value.toLocaleString('zh-CN') + (r.valueHi !== null ? `–${r.valueHi.toLocaleString('zh-CN')}` : '')
                : key === 'start'
                  ? `${r.start}–${r.end}`
                  : key === 'doc'
                    ? r.doc.split('/').pop()
                    : cellText(r, key),
            ),
          ),
        ),
      ),
  );
  renderChart(rows);
}

/** The metrics with the most figures, for the chart of one metric's values. */
function renderMetricChoices() {
  const counts = new Map();
  for (const r of state.figRows) if (r.metric) counts.set(r.metric, (counts.get(r.metric) || 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
  const select = $('chart-metric');
  const previous = select.value;
  select.replaceChildren(...top.map(([metric, n]) => el('option', { value: metric }, `${metric}（${n}）`)));
  if (top.some(([m]) => m === previous)) select.value = previous;
}

const SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderChart(rows) {
  const by = $('chart-by').value;
  $('chart-metric').hidden = by !== 'values';
  if (by === 'values') return renderValues(rows.filter((r) => r.metric === $('chart-metric').value));
  const counts = new Map();
  for (const r of rows)
    for (const key of by === 'year' ? (r.year.length ? r.year.map(String) : ['（未标年份）']) : [r.metric || NO_METRIC])
      counts.set(key, (counts.get(key) || 0) + 1);
  const entries = [...counts.entries()].sort((a, b) => (by === 'year' ? a[0].localeCompare(b[0]) : b[1] - a[1])).slice(0, 12);
  const rowH = 22;
  const labelW = 200;
  const width = 720;
  const max = Math.max(1, ...entries.map((e) => e[1]));
  const svg = svgEl('svg', {
    viewBox: `0 0 ${width} ${entries.length * rowH + 8}`,
    role: 'img',
    'aria-label': by === 'year' ? 'figures per year' : 'figures per metric',
  });
  entries.forEach(([label, n], i) => {
    const y = i * rowH + 4;
    const w = ((width - labelW - 40) * n) / max;
    svg.append(
      svgEl('text', { x: labelW - 8, y: y + 14, 'text-anchor': 'end' }, label.length > 14 ? label.slice(0, 13) + '…' : label),
      svgEl('rect', { x: labelW, y: y + 2, height: rowH - 6, width: Math.max(2, w) }),
      svgEl('text', { x: labelW + w + 6, y: y + 14 }, String(n)),
    );
  });
  $('chart').replaceChildren(svg);
}

/**
 * One metric's values across documents and years: a dot per figure (its year, its value, in the metric's
 * commonest unit), so a target can be followed from one report to the next.
 */
function renderValues(rows) {
  const units = new Map();
  for (const r of rows) units.set(r.unit, (units.get(r.unit) || 0) + 1);
  const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const points = rows.filter((r) => r.unit === unit && r.year.length).map((r) => ({ year: r.year[0], value: r.value, row: r }));
  if (!points.length) {
    $('chart').replaceChildren(el('p', { class: 'muted' }, '这个指标的数字没有年份，无法按时间作图。'));
    return;
  }
  const width = 720;
  const height = 260;
  const pad = { left: 70, right: 20, top: 16, bottom: 36 };
  const years = points.map((p) => p.year);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const vmax = Math.max(...points.map((p) => p.value), 0) || 1;
  const x = (year) => pad.left + (y1 === y0 ? (width - pad.left - pad.right) / 2 : ((year - y0) / (y1 - y0)) * (width - pad.left - pad.right));
  const y = (value) => height - pad.bottom - (value / vmax) * (height - pad.top - pad.bottom);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `values of ${$('chart-metric').value} per year` });
  svg.append(
    svgEl('line', { x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom, class: 'axis' }),
    svgEl('line', { x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom, class: 'axis' }),
    svgEl('text', { x: pad.left - 6, y: pad.top + 4, 'text-anchor': 'end' }, `${vmax.toLocaleString('zh-CN')}${unit}`),
    svgEl('text', { x: pad.left - 6, y: height - pad.bottom, 'text-anchor': 'end' }, '0'),
  );
  for (let year = y0; year <= y1; year++) svg.append(svgEl('text', { x: x(year), y: height - pad.bottom + 18, 'text-anchor': 'middle' }, String(year)));
  for (const p of points) {
    const dot = svgEl('circle', { cx: x(p.year), cy: y(p.value), r: 5, class: `dot ${p.row.status}` });
    dot.append(svgEl('title', {}, `${p.row.text} · ${p.row.doc.split('/').pop()} · ${p.row.status}`));
    svg.append(dot);
  }
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
  const params = { q: state.q, format: 'csv', filter: filterExprs(FIGURE_FIELDS) };
  if (state.status === 'target') download('/api/targets', params, 'targets.csv');
  else download('/api/figures', { ...params, status: state.status }, 'figures.csv');
}

const exportCorpus = (format) => download('/api/export', { q: state.q, filter: filterExprs(), format }, `corpus.${format}`);

// ---- wiring ----------------------------------------------------------------------------------------

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  navigate(() => {
    state.q = $('q').value.trim();
    state.offset = 0;
    state.passage = null;
  });
});
for (const radio of document.querySelectorAll('input[name=script]')) {
  radio.addEventListener('change', () =>
    navigate(() => {
      state.script = radio.value;
    }),
  );
}
$('tab-search').addEventListener('click', () =>
  navigate(() => {
    state.tab = 'search';
  }),
);
$('tab-figures').addEventListener('click', () =>
  navigate(() => {
    state.tab = 'figures';
    state.passage = null;
  }),
);
$('close-passage').addEventListener('click', () =>
  navigate(() => {
    state.passage = null;
  }),
);
$('sort').addEventListener('change', () =>
  navigate(() => {
    state.sort = $('sort').value;
    state.offset = 0;
  }),
);
$('fig-status').addEventListener('change', () =>
  navigate(() => {
    state.status = $('fig-status').value;
  }),
);
for (const id of ['fig-filter', 'fig-min', 'fig-max']) $(id).addEventListener('input', renderFigures);
$('chart-by').addEventListener('change', () => renderChart(visibleRows()));
$('chart-metric').addEventListener('change', () => renderChart(visibleRows()));
$('csv').addEventListener('click', downloadCsv);
$('export-jsonl').addEventListener('click', () => exportCorpus('jsonl'));
$('export-csv').addEventListener('click', () => exportCorpus('csv'));
window.addEventListener('popstate', () => {
  readUrl();
  render();
});
readUrl();
render();
