import { describe, expect, it } from 'vitest';
import { parseFilter, toMeiliFilter } from '../src/search/filter.js';
import { InputError } from '../src/errors.js';

describe('filters built from structured parts', () => {
  it('parses FIELD OP VALUE and has:target', () => {
    expect(parseFilter('place = 上海 AND year >= 2024 AND has:target')).toEqual([
      { field: 'place', op: '=', value: '上海' },
      { field: 'year', op: '>=', value: 2024 },
      { has: 'target' },
    ]);
  });

  it('escapes quotes and backslashes in values, so user text cannot change the filter', () => {
    const filter = toMeiliFilter(parseFilter('org = a" OR doc EXISTS OR doc = "b\\'));
    expect(filter).toBe('org = "a\\" OR doc EXISTS OR doc = \\"b\\\\"');
  });

  it('normalizes traditional names to the simplified canonical form', () => {
    expect(toMeiliFilter(parseFilter('place = 臺灣'))).toBe('place = "台湾"');
  });

  it('maps figure facets to their passage attributes', () => {
    expect(toMeiliFilter(parseFilter('unit = 亿元'))).toBe('units = "亿元"');
    expect(toMeiliFilter(parseFilter('unit = 亿元'), 'figures')).toBe('unit = "亿元"');
  });

  it('rejects unknown fields and malformed clauses with the reason', () => {
    expect(() => parseFilter('color = red')).toThrow(InputError);
    expect(() => parseFilter('color = red')).toThrow(/unknown field "color"/);
    expect(() => parseFilter('just words')).toThrow(/expected FIELD OP VALUE/);
    expect(() => parseFilter('year = soon')).toThrow(/needs a number/);
  });
});
