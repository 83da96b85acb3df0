// Stage "figures": every quantitative figure of a passage — number, unit, qualifier, metric, period and
// status — with offsets into the passage text (DESIGN.md, "Machine-readable outputs").
import type { Figure, FigureKind, Token } from '../../schema.js';
import { type Dictionaries, loadDictionaries } from './dictionary.js';
import { notFigure } from './exclusions.js';
import { changeOf } from './change.js';
import { findMetric } from './metric.js';
import { type Period, findPeriods, insidePeriod, periodFor, periodText } from './period.js';
import { REGION_CURRENCY, type Region, isTraditional, regionOf } from './region.js';
import { type Quantity, foldFigures, scanQuantities } from './quantities.js';
import { mergeRanges } from './ranges.js';
import { type Sentences, sentenceAt, splitSentences } from './sentences.js';
import { findStatus } from './status.js';
import { LazyWords, TokenIndex, repairTokens } from './tokens.js';

export { parseNumbers, type ParsedNumber, type ParseOptions } from './quantities.js';
export { loadDictionaries } from './dictionary.js';
export type { Region } from './region.js';

/** The region of a whole document (for the currency of bare 元): see region.ts. */
export function documentRegion(text: string): Region | null {
  return regionOf(text, foldFigures(text));
}

/** A figure with offsets into the passage text; the caller adds `doc` and maps offsets to the source. */
export type LocalFigure = Omit<Figure, 'doc'>;

export interface FigureOptions {
  /** Folder holding units.txt and figure-cues.txt (default: the repository's dictionaries/). */
  dictionaries?: string | URL;
  /**
   * The document's region (documentRegion), which gives bare 元 its currency; default: the passage's own
   * (regionOf), which may not tell a traditional passage without names of places or institutions.
   */
  region?: Region | null;
  /** Place names the entities stage found in the passage (as written), when it ran before: 合肥 is a place though the segmenter tags it n. */
  places?: ReadonlySet<string>;
}

/** Currencies whose unit is written …元 or …币: their figures report unit 元 (港元 → 元, HKD). */
const YUAN = /(元|币)$/;
/** A period that says "now": a change against a base is no statement about it (较2020年增加了7家). */
const NOW = /^(目前|当前|现在|现阶段|现时|如今|至今|迄今)$/;

/**
 * Does `between` (the text from the figure before to this one) end with a change verb (提升, 下降 …, maybe
 * with 了)? Such a figure measures what the figure before it did (84.5%,较2018年提升10.4个百分点), unless a
 * semicolon starts another item in between.
 */
function changeBefore(dict: Dictionaries, between: string): boolean {
  if (/[;；]/.test(between)) return false;
  const text = between.replace(/了$/, '');
  for (let len = Math.min(dict.longestCue, text.length); len >= 1; len--) {
    if (dict.cues.get(text.slice(-len))?.has('change')) return true;
  }
  return false;
}

/** Values as a reader would write them: no floating-point noise, ratios to four decimals (近1/3 → 0.3333). */
function tidy(value: number, kind: FigureKind): number {
  const v = kind === 'ratio' ? Math.round(value * 1e4) / 1e4 : Number(value.toPrecision(12));
  return Object.is(v, -0) ? 0 : v;
}

function kindOf(q: Quantity, s: string, sentence: string, metric: string): FigureKind {
  if (q.kind && q.kind !== 'point') {
    // 名 is a rank after 前 or in a ranking (1—100名中, 前十名), else a count of people.
    if (
      q.unitEntry?.text === '名' &&
      (s[q.start - 1] === '前' || (q.valueHi !== null && /^[中内间]/.test(s[q.end] ?? '')) || /排名|排行|榜单|位列|名次/.test(sentence))
    )
      return 'rank';
    return q.kind;
  }
  return /(比|率|比例|系数|指数|比值)$/.test(metric) ? 'ratio' : 'count';
}

/** From 由X…至Y and 从X…到Y: X is where a change starts (an actual value) and Y shares its metric. */
function linkChanges(s: string, figures: { q: Quantity; fig: LocalFigure; sentence: number }[]): void {
  for (let k = 0; k + 1 < figures.length; k++) {
    const a = figures[k] as (typeof figures)[number];
    const b = figures[k + 1] as (typeof figures)[number];
    if (a.sentence !== b.sentence || !/[由从]/.test(s[a.q.start - 1] ?? '')) continue;
    const between = s.slice(a.q.end, b.q.start);
    if (between.length > 8 || /[,，;；。]/.test(between) || !/[至到为]$/.test(between)) continue;
    a.fig.status = 'actual';
    if (a.fig.metric) b.fig.metric = a.fig.metric;
    else a.fig.metric = b.fig.metric;
  }
}

/**
 * Extracts the figures of `text`, given its segmenter tokens (offsets into `text`). Never throws on odd
 * input; values are always finite.
 */
export function extractFigures(text: string, tokens: Token[], options: FigureOptions = {}): LocalFigure[] {
  const dict: Dictionaries = loadDictionaries(options.dictionaries);
  const s = foldFigures(text);
  // The word index waits until a word is asked for: a passage without quantities never asks (the scan
  // reads words only to check a cue before a number). Traditional passages come segmented from their
  // simplified copy (stages/segment.ts), so their words match the simplified cues.
  const lazy = new LazyWords(tokens, text.length);
  const quantities = mergeRanges(s, scanQuantities(s, dict, { words: lazy, figuresOnly: true }));
  if (quantities.length === 0) return [];
  const words = lazy.index().tokens;
  let index = lazy.index();
  // Word repairs matter only to metrics and status, so they wait until there is a figure to read.
  const repaired = repairTokens(words, s);
  if (repaired !== words) index = new TokenIndex(repaired, text.length);
  // Periods and sentences are read only once a quantity turns out to be a figure.
  let periods: Period[] | undefined;
  let sentences: Sentences | undefined;
  const found: { q: Quantity; fig: LocalFigure; sentence: number }[] = [];
  let lastMetric = { sentence: -1, metric: '', end: 0 };
  const lastByUnit = new Map<string, { sentence: number; metric: string }>();
  let floor = 0;
  let region = options.region;
  for (const q of quantities) {
    const prevEnd = floor;
    if (q.end <= q.start || q.end > text.length) continue;
    if (notFigure(q, s, index, dict)) continue;
    periods ??= findPeriods(s, isTraditional(text, s));
    sentences ??= splitSentences(text);
    if (insidePeriod(periods, q.num.start, q.num.end)) continue;
    if (!Number.isFinite(q.value) || (q.valueHi !== null && !Number.isFinite(q.valueHi))) continue;
    const si = sentenceAt(sentences, q.start);
    const sStart = sentences.starts[si] as number;
    const sEnd = sentences.ends[si] as number;
    const sentence = text.slice(sStart, sEnd).trim();
    // Unitless numbers read like counts: what follows says what they count (11省市).
    const countLike = q.kind === 'count' || q.kind === 'rank' || q.kind === null;
    let metric = findMetric({ text, index, dict, start: q.start, end: q.end, countLike, sentenceStart: Math.max(sStart, prevEnd) });
    // A change right after a figure measures the same thing (84.5%,较2018年提升10.4个百分点).
    if (!metric && lastMetric.sentence === si && q.start - lastMetric.end <= 15 && changeBefore(dict, s.slice(lastMetric.end, q.start))) {
      metric = lastMetric.metric;
    }
    // A count with nothing around it in a list of counts (35个建制镇,101—200名共24个) counts the same
    // thing as the one before it with the same unit.
    const sameUnit = lastByUnit.get(q.unit);
    if (!metric && q.unit && sameUnit && sameUnit.sentence === si && q.kind === 'count') metric = sameUnit.metric;
    // A difference in percentage points (高于全国0.4个百分点) compares the rate stated before it.
    if (!metric && q.kind === 'percentage_point' && lastMetric.sentence === si) metric = lastMetric.metric;
    // 其中两成 (of which a fifth) is a share of what the figure before counted.
    const before = found[found.length - 1];
    if (!metric && before && before.sentence === si && /其中[,，]?$/.test(s.slice(Math.max(sStart, q.start - 4), q.start))) metric = before.fig.metric;
    // A breakdown by place (全年新建充电桩7万个，其中上海2万个、江苏3万个): a place alone before the figure says
    // where, and the figure counts what the one before with its unit counted. A bare place is never passed on.
    const bare = metric !== '' && placeOnly(index, text, metric, q.start, options.places);
    if (bare && sameUnit && sameUnit.sentence === si) metric = sameUnit.metric;
    if (metric && q.unit && !bare) lastByUnit.set(q.unit, { sentence: si, metric });
    if (metric) lastMetric = { sentence: si, metric, end: q.end };
    floor = q.end;
    let clauseStart = q.start;
    while (clauseStart > sStart && !/[,，;；:：]/.test(s[clauseStart - 1] ?? '')) clauseStart--;
    const { change, base } = changeOf(s, index, dict, q.start, clauseStart, sStart);
    let p = periodFor(periods, s, q.start, q.end, sStart, sEnd);
    if (p && base && p.start < clauseStart && NOW.test(s.slice(p.start, p.end))) p = null;
    const period = p ? periodText(text.slice(p.start, p.end)) : '';
    let unit = q.unit;
    let currency: string | null = null;
    if (q.kind === 'money' && q.num.fraction === null) {
      region = region === undefined ? regionOf(text, s) : region;
      currency = q.currency ?? (q.unit === '元' && region ? REGION_CURRENCY[region] : null);
      if (q.currency && YUAN.test(q.unit) && q.currency !== 'BTC') unit = '元';
    }
    const kind = kindOf(q, s, sentence, metric);
    const status = findStatus({ index, dict, start: q.start, end: q.end, sentenceStart: sStart, period: p ? s.slice(p.start, p.end) : '' });
    let start = q.start;
    if (kind === 'rank' && s[start - 1] === '前') start -= 1;
    found.push({
      q,
      sentence: si,
      fig: {
        start,
        end: q.end,
        text: text.slice(start, q.end),
        value: tidy(q.value, kind),
        valueHi: q.valueHi === null ? null : tidy(q.valueHi, kind),
        unit,
        kind,
        qualifier: q.qualifier,
        metric,
        period,
        status,
        currency,
        change,
        base,
        sentence,
      },
    });
  }
  linkChanges(s, found);
  return found.map((f) => f.fig);
}

/** Whether the metric read for a figure is only the place word right before it (其中上海2万个). */
function placeOnly(index: TokenIndex, text: string, metric: string, start: number, places: ReadonlySet<string> | undefined): boolean {
  const before = index.tokens.filter((t) => t.end <= start).at(-1);
  // The word as written: a traditional passage's tokens hold its simplified reading.
  return before !== undefined && text.slice(before.start, before.end) === metric && (before.tag === 'ns' || places?.has(metric) === true);
}
