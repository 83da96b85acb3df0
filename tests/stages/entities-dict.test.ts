// Dictionary files and their edits: the format, aliases, blocking, `zhpipe dict` and what a change touches.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  addEntry,
  buildDictionaries,
  changedNames,
  defaultDictionaryDir,
  dictionaryFingerprint,
  dictionarySynonyms,
  dictionaryWords,
  loadEntityDictionaries,
  parseEntityFile,
  prepareSegmenter,
  removeEntry,
  tagEntities,
} from '../../src/stages/entities/index.js';
import { segment } from '../../src/stages/segment.js';

const LISTS = { 'surnames.txt': '王\n张\n李\n欧阳\n', 'titles.txt': '书记\n董事长\n', 'org-suffixes.txt': '公司\n集团\n', 'place-suffixes.txt': '市\n镇\n' };

function fromText(text: string) {
  return buildDictionaries({ entityFiles: [{ file: 'test.txt', text }], lists: LISTS });
}

describe('dictionary file format', () => {
  it('reads name, type and aliases, skipping comments and blank lines', () => {
    const parsed = parseEntityFile('# header\n\n上海 place 沪 申  # inline comment\n国家发展改革委\torg\t国家发改委\n', 'x.txt');
    expect(parsed.entries.map((e) => [e.name, e.type, e.aliases])).toEqual([
      ['上海', 'place', ['沪', '申']],
      ['国家发展改革委', 'org', ['国家发改委']],
    ]);
  });

  it('rejects a line without a valid type, naming the file and line', () => {
    expect(() => parseEntityFile('上海 city\n', 'bad.txt')).toThrow(/bad\.txt:1/);
    expect(() => parseEntityFile('上海 city\n', 'bad.txt')).toThrow(InputError);
  });

  it('resolves an alias to its canonical name, and never lets an alias shadow another name', () => {
    const d = fromText('联影医疗技术集团有限公司 org 联影集团\n联影集团 place\n');
    expect(d.surfaces.get('联影集团')).toMatchObject({ type: 'place', canonical: '联影集团' });
  });

  it('blocks a name with a !NAME line, with its aliases', () => {
    const d = fromText('上海 place 沪\n!上海\n');
    expect(d.surfaces.has('上海')).toBe(false);
    expect(d.surfaces.has('沪')).toBe(false);
  });

  it('every shipped dictionary file parses and documents its format at the top', () => {
    const dir = defaultDictionaryDir();
    const d = loadEntityDictionaries(dir);
    expect(d.entries.size).toBeGreaterThan(4000);
    expect(d.surnames.size).toBeGreaterThan(400);
    expect(d.compoundSurnames.has('欧阳')).toBe(true);
    for (const file of ['places-cn.txt', 'countries.txt', 'world.txt', 'domain-yrd.txt', 'surnames.txt', 'org-suffixes.txt', 'user.txt']) {
      expect(readFileSync(path.join(dir, file), 'utf8').startsWith('#'), file).toBe(true);
    }
  });

  it('places-cn.txt holds the divisions down to county level with short canonical names', () => {
    const d = loadEntityDictionaries();
    expect(d.surfaces.get('江苏省')).toMatchObject({ type: 'place', canonical: '江苏' });
    expect(d.surfaces.get('南京市')).toMatchObject({ type: 'place', canonical: '南京' });
    expect(d.surfaces.get('昆山市')).toMatchObject({ type: 'place', canonical: '昆山市' });
    expect(d.surfaces.get('嵊州')).toMatchObject({ type: 'place', canonical: '嵊州市' });
    expect(d.surfaces.get('皖')).toMatchObject({ type: 'place', canonical: '安徽' });
  });
});

describe('segmenter and search hand-off', () => {
  it('gives every multi-character name to the segmenter with its POS tag', () => {
    const words = dictionaryWords(fromText('王清宪 person\n南京 place 金陵\n南京大学 org 南大\n'));
    expect(words).toEqual(
      expect.arrayContaining([
        { word: '王清宪', tag: 'nr' },
        { word: '金陵', tag: 'ns' },
        { word: '南大', tag: 'nt' },
      ]),
    );
  });

  it('gives Meilisearch synonyms both ways, but no one-character alias for the canonical name', () => {
    const syn = dictionarySynonyms(fromText('上海 place 沪 上海市\n国家发展改革委 org 国家发改委\n'));
    expect(syn['国家发改委']).toEqual(['国家发展改革委']);
    expect(syn['国家发展改革委']).toEqual(['国家发改委']);
    expect(syn['沪']).toEqual(['上海']);
    expect(syn['上海']).toEqual(['上海市']);
  });
});

describe('dictionary updates', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhpipe-dict-'));
    cpSync(defaultDictionaryDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an added name is tagged with its type and its alias resolves to it', () => {
    const text = '示范区新成立的青禾数智联盟和禾数联盟签约';
    const before = loadEntityDictionaries(dir, { fresh: true });
    addEntry(dir, { name: '青禾数智联盟', type: 'org', aliases: ['禾数联盟'] });
    const after = loadEntityDictionaries(dir, { fresh: true });
    prepareSegmenter(after);
    const ms = tagEntities(text, segment(text), after);
    expect(ms.filter((m) => m.type === 'org').map((m) => [m.text, m.canonical])).toEqual([
      ['青禾数智联盟', '青禾数智联盟'],
      ['禾数联盟', '青禾数智联盟'],
    ]);
    expect(changedNames(before, after)).toEqual(['禾数联盟', '青禾数智联盟']);
  });

  it('a removed shipped name is blocked and no longer tagged from the dictionary', () => {
    const before = loadEntityDictionaries(dir, { fresh: true });
    const result = removeEntry(dir, '红豆集团');
    expect(result.action).toMatch(/blocked/);
    expect(readFileSync(path.join(dir, 'user.txt'), 'utf8')).toMatch(/^!红豆集团$/m);
    const after = loadEntityDictionaries(dir, { fresh: true });
    expect(after.surfaces.has('红豆集团')).toBe(false);
    expect(changedNames(before, after)).toEqual(['红豆集团']);
    const text = '红豆集团董事长周海江说';
    expect(tagEntities(text, segment(text), after).some((m) => m.text === '红豆集团')).toBe(false);
  });

  it('removing a user name deletes its line; adding it again lifts a block', () => {
    addEntry(dir, { name: '青禾数智联盟', type: 'org' });
    removeEntry(dir, '青禾数智联盟');
    expect(readFileSync(path.join(dir, 'user.txt'), 'utf8')).not.toMatch(/青禾数智联盟/);
    removeEntry(dir, '王浩');
    addEntry(dir, { name: '王浩', type: 'person' });
    expect(readFileSync(path.join(dir, 'user.txt'), 'utf8')).not.toMatch(/!王浩/);
    expect(loadEntityDictionaries(dir, { fresh: true }).surfaces.get('王浩')?.type).toBe('person');
  });

  it('adding aliases to an existing user name merges them', () => {
    addEntry(dir, { name: '青禾数智联盟', type: 'org', aliases: ['青禾联盟'] });
    addEntry(dir, { name: '青禾数智联盟', type: 'org', aliases: ['禾数联盟'] });
    expect(readFileSync(path.join(dir, 'user.txt'), 'utf8')).toMatch(/^青禾数智联盟 org 青禾联盟 禾数联盟$/m);
  });

  it('refuses bad input with a clear error and leaves the file as it was', () => {
    const file = path.join(dir, 'user.txt');
    const original = readFileSync(file, 'utf8');
    expect(() => addEntry(dir, { name: '两个 词', type: 'org' })).toThrow(/whitespace/);
    expect(() => addEntry(dir, { name: '', type: 'org' })).toThrow(/empty/);
    expect(() => addEntry(dir, { name: '!上海', type: 'place' })).toThrow(/may not start/);
    expect(() => removeEntry(dir, '没有这个名字')).toThrow(/no entity dictionary/);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('the fingerprint changes with a name and comes back when the change is undone', () => {
    const a = dictionaryFingerprint(loadEntityDictionaries(dir, { fresh: true }));
    addEntry(dir, { name: '青禾数智联盟', type: 'org' });
    const b = dictionaryFingerprint(loadEntityDictionaries(dir, { fresh: true }));
    removeEntry(dir, '青禾数智联盟');
    const c = dictionaryFingerprint(loadEntityDictionaries(dir, { fresh: true }));
    expect(b).not.toBe(a);
    expect(c).toBe(a);
  });

  it('a hand-edited file takes effect on the next load', () => {
    writeFileSync(path.join(dir, 'user.txt'), '# mine\n长三角数据港 place 数据港\n');
    expect(loadEntityDictionaries(dir, { fresh: true }).surfaces.get('数据港')).toMatchObject({ canonical: '长三角数据港' });
  });
});
