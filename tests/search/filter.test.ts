import { describe, expect, it } from 'vitest';
import { parseFilter, toMeiliFilter } from '../../src/search/filter.js';
import { InputError } from '../../src/errors.js';
import { passageSettings } from '../../src/meili/settings.js';
import { settle } from '../../src/meili/tasks.js';
import { testClient, uniqueIndexes } from '../helpers.js';

describe('filters built from structured parts', () => {
  it('parses FIELD OP VALUE and has:target', () => {
    expect(parseFilter('place = 上海 AND year >= 2024 AND has:target')).toEqual([
      { field: 'place', op: '=', value: '上海' },
      { field: 'year', op: '>=', value: 2024 },
      { has: 'target' },
    ]);
  });

  it('escapes quotes and backslashes in values, so user text cannot change the filter', () => {
    const filter = toMeiliFilter(parseFilter(`org = 'a" OR doc EXISTS OR doc = "b\\\\'`));
    expect(filter).toBe('org = "a\\" OR doc EXISTS OR doc = \\"b\\\\"');
    // Outside quotes, OR joins conditions, and each must be a well-formed condition.
    expect(() => parseFilter('org = a OR doc EXISTS')).toThrow(/filter "doc EXISTS": expected FIELD OP VALUE/);
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
    expect(() => parseFilter('year = soon')).toThrow(/needs a whole number/);
  });

  it('supports OR and parentheses, AND binding tighter, as Meilisearch does', () => {
    expect(parseFilter('place = 上海 OR place = 江苏')).toEqual([
      { any: [[{ field: 'place', op: '=', value: '上海' }], [{ field: 'place', op: '=', value: '江苏' }]] },
    ]);
    expect(toMeiliFilter(parseFilter('place = 上海 OR place = 江苏'))).toBe('(place = "上海" OR place = "江苏")');
    expect(toMeiliFilter(parseFilter('has:target AND (place = 上海 OR year >= 2025 AND org = 國務院) AND year <= 2030'))).toBe(
      'hasTarget = true AND (place = "上海" OR year >= 2025 AND org = "国务院") AND year <= 2030',
    );
    expect(toMeiliFilter(parseFilter('((place = 上海)) or place = 江苏'))).toBe('(place = "上海" OR place = "江苏")');
  });

  it('keeps AND, OR and parentheses inside quotes (or inside a value) as part of the value', () => {
    expect(parseFilter('doc = "corpus/R AND D OR (2).txt"')).toEqual([{ field: 'doc', op: '=', value: 'corpus/R AND D OR (2).txt' }]);
    expect(parseFilter("doc = 'it\\'s.txt' AND has:figure")).toEqual([{ field: 'doc', op: '=', value: "it's.txt" }, { has: 'figure' }]);
    expect(parseFilter('(doc = corpus/a(1).txt OR doc = ORACLE.txt)')).toEqual([
      { any: [[{ field: 'doc', op: '=', value: 'corpus/a(1).txt' }], [{ field: 'doc', op: '=', value: 'ORACLE.txt' }]] },
    ]);
  });

  it('refuses malformed groupings with a clear reason instead of matching nothing', () => {
    expect(() => parseFilter('(place = 上海 OR place = 江苏')).toThrow(/a \( without its \)/);
    expect(() => parseFilter('place = 上海 OR')).toThrow(/a condition is missing/);
    expect(() => parseFilter('OR place = 上海')).toThrow(/expected FIELD OP VALUE|a condition is missing/);
    expect(() => parseFilter('NOT place = 上海')).toThrow(/NOT is not supported/);
    expect(() => parseFilter('doc = "unclosed')).toThrow(/without its closing/);
    expect(() => parseFilter('('.repeat(20) + 'year = 2024' + ')'.repeat(20))).toThrow(/nested deeper/);
  });

  it('refuses a year that is not a whole number from 0 to 9999 (1e308 must not reach Meilisearch)', () => {
    for (const bad of ['1e308', '2024.5', '-1', '10000', 'Infinity', '']) {
      expect(() => parseFilter(`year = ${bad}`), bad).toThrow(InputError);
    }
    expect(parseFilter('year = 2025')).toEqual([{ field: 'year', op: '=', value: 2025 }]);
  });
});

describe('OR filters against the real Meilisearch', () => {
  it('place = 上海 OR place = 江苏 finds the passages of both (not 0), and quotes keep " AND " in a doc name', async () => {
    const client = testClient();
    const index = uniqueIndexes('filter-or').passages;
    await settle(client, (await client.createIndex(index, { primaryKey: 'id' })).taskUid);
    await settle(client, (await client.index(index).updateSettings(passageSettings({ words: [], synonyms: {} }))).taskUid);
    const records = [
      { id: 'a', doc: 'corpus/R AND D.txt', docId: 'd1', place: ['上海'], year: [2025], hasTarget: true, hasFigure: true, norm: '上海' },
      { id: 'b', doc: 'corpus/b.txt', docId: 'd2', place: ['江苏'], year: [2024], hasTarget: false, hasFigure: true, norm: '江苏' },
      { id: 'c', doc: 'corpus/c.txt', docId: 'd3', place: ['浙江'], year: [2025], hasTarget: true, hasFigure: true, norm: '浙江' },
    ];
    await settle(client, (await client.index(index).addDocuments(records)).taskUid);
    const ids = async (expression: string) => {
      const filter = toMeiliFilter(parseFilter(expression));
      const { hits } = await client.index(index).search('', { ...(filter ? { filter } : {}), limit: 10 });
      return hits.map((h) => String(h.id)).sort();
    };
    expect(await ids('place = 上海 OR place = 江苏')).toEqual(['a', 'b']);
    expect(await ids('has:target AND (place = 上海 OR place = 浙江) AND year >= 2025')).toEqual(['a', 'c']);
    expect(await ids('place = 江苏 OR has:target AND year = 2025')).toEqual(['a', 'b', 'c']);
    expect(await ids('doc = "corpus/R AND D.txt"')).toEqual(['a']);
  });
});
