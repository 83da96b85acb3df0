// Benchmark: the figures stage's number parser on the Chinese specs of Microsoft Recognizers-Text.
//   npm run bench:numbers -- ../shared/bench/recognizers-text-zh [--show]   (--show lists failing cases)
// The spec data is read from where it lies and never copied into the repository.
//
// Criterion: per file, the share of cases whose every expected value is produced by parseNumbers.
// - Position: a produced quantity must overlap the expected span [Start, End]; the exact span (e.g. whether
//   a cue such as 近 or a suffix such as 大 in 三周大 is included) does not matter.
// - Value: equal to 1e-6 relative. An expected percentage "50%" matches a produced percent of 50 or a
//   ratio of 0.5 (the spec writes percentage points as % too: 六个百分点 → "6%"); a plain expected value
//   matches any produced kind. For ranges either end counts.
// - Unit: when the spec names one (English, e.g. "United States dollar"), the produced unit must be one of
//   its Chinese equivalents in UNITS below (our names: 元, 美元, 公斤/千克 …). Spec units missing from the
//   table are listed at the end and compared by value only.
// - A result without a value (a bare currency name such as 美元) cannot be produced: a number parser
//   reports numbers. Such cases fail.
// - A case expecting nothing passes when nothing in the file's scope is produced. parseNumbers reports every
//   number with its unit, which Recognizers-Text splits across models: its number model leaves money and
//   percentages to the currency and percent models, its percent model reports only percentages, and so
//   on. So for Number files a money/percent quantity is out of scope, for Percent files anything but a
//   percent, for Currency files anything but money, for Dimension and Temperature files anything but a
//   measure, and for Age files anything but a duration.
// Cases marked NotSupported for javascript (which Recognizers-Text's own JavaScript build fails) are
// counted separately.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type ParsedNumber, parseNumbers } from '../../src/stages/figures/index.js';

interface SpecResult {
  Text: string;
  Start?: number;
  End?: number;
  Resolution?: { value?: string | null; unit?: string } | null;
}
interface SpecCase {
  Input: string;
  NotSupported?: string;
  Results: SpecResult[];
}

/** Spec unit names and the units parseNumbers reports for them. */
const UNITS: Record<string, string[]> = {
  'Chinese yuan': ['元'],
  'United States dollar': ['美元'],
  Dollar: ['美元', '港元', '新台币', '澳元', '加元', '新加坡元'],
  Euro: ['欧元'],
  'Hong Kong dollar': ['港元'],
  'New Taiwan dollar': ['新台币'],
  'Japanese yen': ['日元'],
  'Swiss franc': ['瑞士法郎'],
  'Nigerian naira': ['奈拉'],
  Bitcoin: ['比特币'],
  Mu: ['亩'],
  Kilogram: ['公斤', '千克', 'kg'],
  Gram: ['克', 'g'],
  Microgram: ['微克'],
  Ton: ['吨'],
  Jin: ['斤'],
  Liang: ['两'],
  Meter: ['米', 'm'],
  Centimeter: ['厘米', 'cm'],
  Kilometer: ['千米', '公里', 'km'],
  Bit: ['比特', '位'],
  Kilobit: ['千比特', 'kb'],
  Kilobyte: ['千字节', 'KB'],
  Megabyte: ['兆字节', 'MB'],
  Hertz: ['赫兹', 'Hz'],
  Megahertz: ['兆赫', 'MHz'],
  Kilowatt: ['千瓦', 'kW'],
  Kilocalorie: ['千卡', '大卡'],
  C: ['℃', '摄氏度'],
  F: ['℉', '°F', '华氏度'],
  Degree: ['度', '°'],
  Year: ['岁', '年'],
  Month: ['个月', '月'],
  Week: ['周', '个星期', '星期'],
  Day: ['天', '日'],
};
const unmapped = new Set<string>();

type Scope = (p: ParsedNumber) => boolean;
/** What a file's model reports (see the header): a produced quantity outside it is not held against a case. */
function scopeOf(file: string): Scope {
  if (/PercentModel/.test(file)) return (p) => p.kind === 'percent' || p.kind === 'percentage_point';
  if (/CurrencyModel/.test(file)) return (p) => p.kind === 'money';
  if (/DimensionModel|TemperatureModel/.test(file)) return (p) => p.kind === 'measure';
  if (/AgeModel/.test(file)) return (p) => p.kind === 'duration';
  return (p) => p.kind !== 'money' && p.kind !== 'percent' && p.kind !== 'percentage_point';
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 + 1e-6 * Math.max(Math.abs(a), Math.abs(b));
}

function produces(p: ParsedNumber, r: SpecResult): boolean {
  const raw = r.Resolution?.value;
  if (raw === undefined || raw === null) return false;
  const text = String(raw);
  const want = Number(text.replace(/%$/, '').replace(/,/g, ''));
  if (!Number.isFinite(want)) return false;
  const percent = text.endsWith('%');
  const valueOk = (v: number) =>
    percent ? ((p.kind === 'percent' || p.kind === 'percentage_point') && close(v, want)) || (p.kind === 'ratio' && close(v * 100, want)) : close(v, want);
  if (!valueOk(p.value) && !(p.valueHi !== null && valueOk(p.valueHi))) return false;
  const unit = r.Resolution?.unit;
  if (!unit) return true;
  const accepted = UNITS[unit];
  if (!accepted) {
    unmapped.add(unit);
    return true;
  }
  return accepted.includes(p.unit);
}

function passes(c: SpecCase, scope: Scope): boolean {
  const produced = parseNumbers(c.Input);
  if (c.Results.length === 0) return !produced.some(scope);
  return c.Results.every((r) => {
    const start = r.Start ?? 0;
    const end = (r.End ?? c.Input.length - 1) + 1;
    return produced.some((p) => p.start < end && p.end > start && produces(p, r));
  });
}

const args = process.argv.slice(2);
const show = args.includes('--show');
const dir = args.find((a) => !a.startsWith('--')) ?? '../shared/bench/recognizers-text-zh';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const pct = (k: number, n: number) => (n === 0 ? '—' : `${((100 * k) / n).toFixed(1)}%`);
const cell = (k: number, n: number) => `${k}/${n} ${pct(k, n)}`.padEnd(16);
console.log(`${'file'.padEnd(53)}${'supported'.padEnd(18)}${'NotSupported(js)'.padEnd(18)}all`);
let totals = [0, 0, 0, 0];
for (const file of files) {
  const cases = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as SpecCase[];
  const scope = scopeOf(file);
  let ok = 0;
  let n = 0;
  let nsOk = 0;
  let ns = 0;
  for (const c of cases) {
    const unsupported = /javascript/i.test(c.NotSupported ?? '');
    let pass = false;
    try {
      pass = passes(c, scope);
    } catch {
      pass = false;
    }
    if (show && !pass) {
      const got = parseNumbers(c.Input).map((p) => `${p.text}=${p.value}${p.valueHi === null ? '' : `~${p.valueHi}`}${p.unit}(${p.kind ?? '-'})`);
      const want = c.Results.map((r) => `${r.Text}=${r.Resolution?.value ?? '?'}${r.Resolution?.unit ? ` ${r.Resolution.unit}` : ''}`);
      console.log(`  ${unsupported ? 'NS ' : ''}${JSON.stringify(c.Input)}\n    want ${want.join(' | ') || '-'}\n    got  ${got.join(' | ') || '-'}`);
    }
    if (unsupported) {
      ns++;
      if (pass) nsOk++;
    } else {
      n++;
      if (pass) ok++;
    }
  }
  totals = [totals[0]! + ok, totals[1]! + n, totals[2]! + nsOk, totals[3]! + ns];
  console.log(`${file.padEnd(53)}${cell(ok, n)}  ${cell(nsOk, ns)}  ${cell(ok + nsOk, n + ns)}`);
}
const [ok, n, nsOk, ns] = totals as [number, number, number, number];
console.log(`${'total'.padEnd(53)}${cell(ok, n)}  ${cell(nsOk, ns)}  ${cell(ok + nsOk, n + ns)}`);
if (unmapped.size > 0) console.log(`spec units compared by value only (not in UNITS): ${[...unmapped].join(', ')}`);
