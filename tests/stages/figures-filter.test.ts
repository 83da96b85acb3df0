// `zhpipe figures --filter`: the filter expressions of `zhpipe targets` applied to figures read from files,
// with the figures index's semantics (names in either script, list fields, has:target), and refused where
// they cannot apply.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureMatcher, parseFilter, type FilterableFigure } from '../../src/search/filter.js';
import { runCli, tempDir } from '../helpers.js';

const FIGURE: FilterableFigure = {
  doc: 'a.txt',
  unit: '个',
  kind: 'count',
  status: 'target',
  qualifier: 'gt',
  period: '2025年',
  year: [2025],
  place: ['上海', '江苏'],
  org: [],
};
const matches = (expr: string, figure: FilterableFigure = FIGURE) => figureMatcher(parseFilter(expr))(figure);

describe('figureMatcher', () => {
  it('matches a list field when one of its values does, and != when none does', () => {
    expect(matches('place = 江苏')).toBe(true);
    expect(matches('place = 浙江')).toBe(false);
    expect(matches('place != 浙江')).toBe(true);
    expect(matches('place != 上海')).toBe(false);
  });

  it('compares names in simplified script, so a traditional value finds them', () => {
    expect(matches('place = 蘇州', { ...FIGURE, place: ['苏州'] })).toBe(true);
  });

  it('compares years as numbers and ANDs clauses', () => {
    expect(matches('year >= 2025 AND unit = 个')).toBe(true);
    expect(matches('year > 2025')).toBe(false);
    expect(matches('year >= 2024 AND status = actual')).toBe(false);
  });

  it('reads has:target as status = target and has:figure as any figure', () => {
    expect(matches('has:target')).toBe(true);
    expect(matches('has:target', { ...FIGURE, status: 'actual' })).toBe(false);
    expect(matches('has:figure', { ...FIGURE, status: 'other' })).toBe(true);
  });

  it('refuses fields that only passages have', () => {
    expect(() => figureMatcher(parseFilter('person = 龚正'))).toThrow(/applies to passages, not figures/);
  });
});

describe('zhpipe figures --filter', () => {
  // Two paragraphs, so two passages with their own places; one target, one result.
  const dir = tempDir('zhpipe-figures-filter-');
  const file = path.join(dir, 'news.txt');
  writeFileSync(file, '到2025年，上海市要新建公共充电桩超7万个。\n\n2023年，南京市建成5G基站3万个。\n');

  it('keeps the figures whose passage names the place', async () => {
    const { code, stdout, stderr } = await runCli(['figures', file, '--filter', 'place = 上海']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; status: string });
    expect(rows.map((r) => r.text)).toEqual(['超7万个']);
  });

  it('combines filters on status and year, in CSV with one header', async () => {
    const target = await runCli(['figures', file, '--filter', 'has:target', '--filter', 'year = 2025', '--format', 'csv']);
    expect(target.code).toBe(0);
    const lines = target.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('超7万个');
    const none = await runCli(['figures', file, '--filter', 'year = 2024', '--format', 'csv']);
    expect(
      none.stdout
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual([none.stdout.replace(/^\uFEFF/, '').trim()]);
  });

  it('refuses a passage-only field with exit status 2 and a message naming it', async () => {
    const { code, stderr, stdout } = await runCli(['figures', file, '--filter', 'heading = x']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/filter on heading applies to passages, not figures/);
  });
});

describe('filters on the currency and change of figures', () => {
  it('keeps the figures of one currency, or the changes', () => {
    const base: FilterableFigure = { doc: 'a', unit: '元', kind: 'money', status: 'actual', qualifier: 'eq', period: '', year: [], place: [], org: [] };
    const hkd = figureMatcher(parseFilter('currency = HKD'));
    expect(hkd({ ...base, currency: 'HKD' })).toBe(true);
    expect(hkd({ ...base, currency: 'CNY' })).toBe(false);
    const up = figureMatcher(parseFilter('change = increase'));
    expect(up({ ...base, change: 'increase' })).toBe(true);
    expect(up({ ...base, change: null })).toBe(false);
  });
});
