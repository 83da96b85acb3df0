// Benchmark: the figures stage's number parser on the Chinese specs of Microsoft Recognizers-Text.
//   npm run bench:numbers -- ../shared/bench/recognizers-text-zh
// For each spec file, the share of cases whose every expected value is produced by parseNumbers at an
// overlapping position (a case expecting no result passes only when nothing is produced). Cases marked
// NotSupported for javascript are counted separately. Values are compared as numbers (50% → 50); units are
// not compared. The spec data is read from where it lies and never copied into the repository.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseNumbers } from '../../src/stages/figures/index.js';

interface SpecResult {
  Text: string;
  Start?: number;
  End?: number;
  Resolution?: { value?: string } | null;
}
interface SpecCase {
  Input: string;
  NotSupported?: string;
  Results: SpecResult[];
}

/** The expected value, and whether it is written as a percentage (a ratio r matches r × 100 %). */
function expectedValue(r: SpecResult): { value: number; percent: boolean } | null {
  const raw = r.Resolution?.value;
  if (raw === undefined || raw === null) return null;
  const text = String(raw);
  const n = Number(text.replace(/%$/, '').replace(/,/g, ''));
  return Number.isFinite(n) ? { value: n, percent: text.endsWith('%') } : null;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 + 1e-6 * Math.max(Math.abs(a), Math.abs(b));
}

function passes(c: SpecCase): boolean {
  const produced = parseNumbers(c.Input);
  if (c.Results.length === 0) return produced.length === 0;
  return c.Results.every((r) => {
    const want = expectedValue(r);
    if (want === null) return false;
    const start = r.Start ?? 0;
    const end = (r.End ?? c.Input.length - 1) + 1;
    const matches = (v: number, kind: string | null) => close(v, want.value) || (want.percent && kind === 'ratio' && close(v * 100, want.value));
    return produced.some((p) => p.start < end && p.end > start && (matches(p.value, p.kind) || (p.valueHi !== null && matches(p.valueHi, p.kind))));
  });
}

const dir = process.argv[2] ?? '../shared/bench/recognizers-text-zh';
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const pct = (k: number, n: number) => (n === 0 ? '—' : `${((100 * k) / n).toFixed(1)}%`);
const cell = (k: number, n: number) => `${k}/${n} ${pct(k, n)}`.padEnd(16);
console.log(`${'file'.padEnd(52)}${'supported'.padEnd(16)}${'NotSupported(js)'.padEnd(18)}all`);
let totals = [0, 0, 0, 0];
for (const file of files) {
  const cases = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as SpecCase[];
  let ok = 0;
  let n = 0;
  let nsOk = 0;
  let ns = 0;
  for (const c of cases) {
    const unsupported = /javascript/i.test(c.NotSupported ?? '');
    let pass = false;
    try {
      pass = passes(c);
    } catch {
      pass = false;
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
  console.log(`${file.padEnd(52)}${cell(ok, n)}  ${cell(nsOk, ns)}  ${cell(ok + nsOk, n + ns)}`);
}
const [ok, n, nsOk, ns] = totals as [number, number, number, number];
console.log(`${'total'.padEnd(52)}${cell(ok, n)}  ${cell(nsOk, ns)}  ${cell(ok + nsOk, n + ns)}`);
