// The figures stage on hostile input: it never throws, never hangs, keeps offsets valid and values finite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Token } from '../../src/schema.js';
import { type LocalFigure, extractFigures, parseNumbers } from '../../src/stages/figures/index.js';
import { segment } from '../../src/stages/segment.js';

function checkFigures(text: string, found: LocalFigure[]): void {
  for (const f of found) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.start).toBeLessThan(f.end);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(Number.isFinite(f.value)).toBe(true);
    if (f.valueHi !== null) expect(Number.isFinite(f.valueHi)).toBe(true);
  }
}

// Characters that exercise the number grammar, mixed with anything else.
const numberish = fc.constantFrom(
  ...'0123456789,.%-—~/ 〇零一二两三四五六七八九十百千万亿兆壹贰陆拾佰仟萬億兩點負分之又成折半多余几个项元亿年月日时点第超近约以上左右内G号线'.split(''),
);
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: numberish, maxLength: 80 }),
  fc.string({ unit: fc.oneof(numberish, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 80 }),
);

describe('robustness', () => {
  it('keeps offsets valid and values finite on random Unicode, with and without tokens', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        checkFigures(text, extractFigures(text, []));
        checkFigures(text, extractFigures(text, segment(text)));
        for (const n of parseNumbers(text)) {
          expect(text.slice(n.start, n.end)).toBe(n.text);
          expect(Number.isFinite(n.value)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps offsets valid when the tokens do not fit the text', () => {
    fc.assert(
      fc.property(hostile, fc.array(fc.record({ start: fc.nat(100), len: fc.nat(5), tag: fc.constantFrom('m', 'n', 'x', 'v', 'q') })), (text, raw) => {
        const tokens: Token[] = raw.map((t) => ({ text: text.slice(t.start, t.start + t.len), tag: t.tag, start: t.start, end: t.start + t.len }));
        checkFigures(text, extractFigures(text, tokens));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a 10,000-digit number without throwing or reporting Infinity', () => {
    const text = `共有${'9'.repeat(10000)}个,另有${'1'.repeat(5000)}.5元。`;
    const found = extractFigures(text, []);
    checkFigures(text, found);
    for (const n of parseNumbers(text)) expect(Number.isFinite(n.value)).toBe(true);
  });

  it('reads long runs of Chinese numerals without throwing', () => {
    const text = '一二三四五六七八九十百千万亿'.repeat(2000) + '个';
    checkFigures(text, extractFigures(text, []));
    const units = '万亿'.repeat(5000) + '元';
    checkFigures(units, extractFigures(units, []));
  });

  it('survives lone surrogates, unbalanced ranges and mixed scripts', () => {
    for (const text of [
      '\uD800超7万个\uDC00',
      '60%——',
      '—70%',
      '1—',
      '至5年',
      '由78项拓展至',
      '1/0',
      '0分之5',
      'Ｇ６０ 5Ｇ ５０％',
      '兩萬億萬兆',
      '百分之',
      '三分之',
      '负',
      '--5',
      '.',
    ]) {
      checkFigures(text, extractFigures(text, segment(text)));
    }
  });

  it('takes time linear in the input (a 400 KB pathological text is read at once)', () => {
    // Not a timing assertion: a quadratic scan of this input would not finish within the test timeout.
    const text = ('1,2,3,4,5,6,7,8,9,' + '一二三四五六七八九' + '9'.repeat(50) + '/').repeat(4000);
    checkFigures(text, extractFigures(text, []));
  });
});
