// Countries before what they name or describe: a country's official form is the country (捷克共和国), and a
// country before a bare kind of body describes it (日本公司).
import { endsWord } from './context.js';
import { type Candidate, type TagContext, Tier } from './types.js';

/** Kinds of body that a country before them only describes: 日本公司 "Japanese companies", 法国政府. */
// Banks stay out: a country and 银行 is also how banks are named.
const GENERIC_BODIES = new Set(['公司', '企业', '大学', '电视台', '电台', '军队', '部队', '政府', '商界', '财团']);

/** Files whose places are countries, regions and world cities. */
const COUNTRY_FILES = new Set(['countries.txt', 'world.txt', 'world-cities.txt']);

/**
 * 日本公司, 韩国大学生, 法国电视台: a country and a bare kind of body describe, they do not name (a real one,
 * 中国工商银行, is in the dictionary). The found organization gives way to the country as a place.
 */
export function describedByCountry(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'org' || c.tier === Tier.dictionary) continue;
    const name = ctx.text.slice(c.start, c.end);
    const kind = [...GENERIC_BODIES].find((k) => name.endsWith(k));
    if (!kind) continue;
    const head = ctx.dicts.surfaces.get(name.slice(0, -kind.length));
    if (head?.type !== 'place' || !COUNTRY_FILES.has(ctx.dicts.entries.get(head.canonical)?.file ?? '')) continue;
    out.push(c, { start: c.start, end: c.end - kind.length, type: 'place', canonical: head.canonical, tier: Tier.dictionary });
  }
  return out;
}

/** The official form after a country's name (捷克共和国, 西班牙王国). */
const STATE_FORM = /(民主共和国|共和国|联邦|王国|大公国|公国|酋长国|苏丹国)/g;

/** 捷克共和国, 西班牙王国: a country and its official form are one place, the country itself. */
export function countryFullNames(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { text, dicts } = ctx;
  // The forms are rare: find them first, then a country name ending right before each.
  for (const f of text.matchAll(STATE_FORM)) {
    const at = f.index ?? 0;
    const end = at + (f[0] as string).length;
    if (!endsWord(ctx, end)) continue;
    for (let i = Math.max(0, at - 12); i <= at - 2; i++) {
      const m = dicts.trie.matchesAt(text, i).find((x) => x.end === at && x.value.type === 'place');
      if (!m || !COUNTRY_FILES.has(dicts.entries.get(m.value.canonical)?.file ?? '')) continue;
      out.push({ start: i, end, type: 'place', canonical: m.value.canonical, tier: Tier.dictionary });
      break;
    }
  }
  return out;
}
