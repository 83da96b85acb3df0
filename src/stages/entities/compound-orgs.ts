// Nested organization names: a place or a parent body before an organization joins its name (杭州市妇联,
// 交通运输部综合规划司), and words that name a body only so (妇联, 红十字会).
import type { Token } from '../../schema.js';
import { GENERIC_ORG_WORDS, ORG_FINAL } from './tagged-names.js';
import { type Candidate, type TagContext, Tier } from './types.js';
import type { Word } from './words.js';

/**
 * Words that name a body only with a place before them: abbreviations (妇联, 交警), the segmenter's
 * organization words, and proper nouns ending like a body (红十字会). They join a place (compoundOrgs) and
 * are no mention alone.
 */
function bodyWords(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i] as Token;
    const w = ctx.words[i] as Word;
    if (t.text.length < 2 || !w.cjk || w.hit) continue;
    // 江淮, 京津: runs of place abbreviations are places, not bodies.
    if (w.placeRun) continue;
    const last = t.text.charCodeAt(t.text.length - 1);
    // 太湖共保: abbreviations of policies and slogans are tagged j too; bodies end like bodies (妇联, 团委).
    // 宣传部/nr: the segmenter also mistakes lexicon words of bodies for names.
    const misnamed = t.tag === 'nr' && /[部局厅委处司署]$/.test(t.text) && (w.lex?.freq ?? 0) >= 50;
    const body = (t.tag === 'nt' || t.tag === 'j' || t.tag === 'nz' || misnamed) && ORG_FINAL[last] && !/[东南西北中]部$/.test(t.text);
    // 党委政府: a government is named by its place alone (posCandidates).
    if (body && !GENERIC_ORG_WORDS.has(t.text) && !t.text.includes('政府'))
      out.push({ start: t.start, end: t.end, type: 'org', canonical: t.text, tier: Tier.pos });
  }
  return out;
}

/** 海安市委, 湖州市委: the organization's own name starts with its place. */
function startsWithPlace(ctx: TagContext, o: Candidate): boolean {
  return ctx.dicts.trie.matchesAt(ctx.text, o.start, 2).some((m) => m.value.type === 'place' && m.end < o.end);
}

/**
 * Nested organization names: a place right before an organization is part of its name (杭州市 + 妇联,
 * 南京 + 红十字会), and so is a parent body before a unit of it (交通运输部 + 综合规划司). Only the nearest
 * place joins: in 江苏省沛县公安交警大队 the province stays a place of its own.
 */
export function compoundOrgs(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const endingAt = new Map<number, Candidate[]>();
  for (const c of candidates) {
    if (c.type === 'person') continue;
    const list = endingAt.get(c.end);
    if (list) list.push(c);
    else endingAt.set(c.end, [c]);
  }
  // Grow from each organization over what ends where it starts; repeat for chains (部 + 司 + 处).
  // 安徽科大讯飞: a company keeps its own name; a place before it says where it is.
  const grows = (o: Candidate) => o.tier !== Tier.dictionary || /[部委局署厅办院会协联处司]$/.test(o.canonical);
  let frontier = [...candidates.filter((c) => c.type === 'org' && grows(c)), ...bodyWords(ctx)];
  const placeHeaded = new Set<Candidate>();
  for (let round = 0; round < 3 && frontier.length; round++) {
    const next: Candidate[] = [];
    for (const o of frontier) {
      for (const head of endingAt.get(o.start) ?? []) {
        // A lone abbreviation (美, 中) joins only as part of a run; a one-character place is too often a word.
        if (head.end - head.start < 2) continue;
        // 江苏省南通市海安市委: only the nearest place belongs to the name.
        if (head.type === 'place' && (placeHeaded.has(o) || startsWithPlace(ctx, o))) continue;
        const name = ctx.text.slice(head.start, o.end);
        if (name.length > 30) continue;
        const merged: Candidate = { start: head.start, end: o.end, type: 'org', canonical: ctx.dicts.surfaces.get(name)?.canonical ?? name, tier: Tier.rule };
        if (head.type === 'place' || placeHeaded.has(head)) placeHeaded.add(merged);
        next.push(merged);
      }
    }
    out.push(...next);
    for (const m of next) {
      const list = endingAt.get(m.end);
      if (list) list.push(m);
      else endingAt.set(m.end, [m]);
    }
    frontier = next;
  }
  return out;
}
