// Judged-query evaluation shared by the search-quality test and the search benchmark: recall@10 per script
// of a search function over the judged queries, and hits returned for absent topics.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { normalizeForIndex } from '../src/text/script.js';

export const JudgedQuery = z.object({
  q: z.string(),
  script: z.enum(['simplified', 'traditional', 'regional', 'absent']),
  terms: z.array(z.string()),
  /** Other wordings that make a passage relevant too, each a list of terms it must all hold (电动车 covers e-scooters). */
  alsoRelevant: z.array(z.array(z.string())).optional(),
});
export type JudgedQuery = z.infer<typeof JudgedQuery>;

export function loadJudged(): JudgedQuery[] {
  const file = path.join(import.meta.dirname, 'fixtures/search/judged-queries.json');
  return z.object({ queries: z.array(JudgedQuery) }).parse(JSON.parse(readFileSync(file, 'utf8'))).queries;
}

export interface PassageText {
  id: string;
  text: string;
}

/** Ids of passages relevant to a query: those whose simplified text holds every term (of one of its wordings). */
export function relevant(query: JudgedQuery, passages: PassageText[]): Set<string> {
  const wordings = [query.terms, ...(query.alsoRelevant ?? [])].filter((terms) => terms.length > 0);
  return new Set(
    passages
      .filter((p) => {
        const text = normalizeForIndex(p.text);
        return wordings.some((terms) => terms.every((t) => text.includes(normalizeForIndex(t))));
      })
      .map((p) => p.id),
  );
}

export interface ScriptScore {
  queries: number;
  recallAt10: number;
  /** Absent topics only: queries that returned anything. */
  falseHits: number;
}

export interface Evaluation {
  byScript: Record<JudgedQuery['script'], ScriptScore>;
  misses: Array<{ q: string; script: string; found: number; expected: number }>;
}

/** Runs every judged query through `run` (returning hit ids, best first) and scores it. */
export async function evaluate(run: (q: string) => Promise<string[]>, passages: PassageText[], queries = loadJudged()): Promise<Evaluation> {
  const sums: Record<string, { n: number; recall: number; falseHits: number }> = {};
  const misses: Evaluation['misses'] = [];
  for (const query of queries) {
    const hits = (await run(query.q)).slice(0, 10);
    const bucket = (sums[query.script] ??= { n: 0, recall: 0, falseHits: 0 });
    bucket.n++;
    if (query.script === 'absent') {
      if (hits.length > 0) {
        bucket.falseHits++;
        misses.push({ q: query.q, script: query.script, found: hits.length, expected: 0 });
      }
      bucket.recall += hits.length === 0 ? 1 : 0;
      continue;
    }
    const expected = relevant(query, passages);
    // Recall@10 capped at 10 relevant passages, so a query with 30 relevant passages can still score 1.
    const found = hits.filter((id) => expected.has(id)).length;
    const denominator = Math.min(10, expected.size);
    const recall = denominator === 0 ? 1 : found / denominator;
    bucket.recall += recall;
    if (recall < 1) misses.push({ q: query.q, script: query.script, found, expected: denominator });
  }
  const byScript = Object.fromEntries(
    Object.entries(sums).map(([script, s]) => [script, { queries: s.n, recallAt10: s.recall / s.n, falseHits: s.falseHits }]),
  ) as Evaluation['byScript'];
  return { byScript, misses };
}

export function formatEvaluation(label: string, e: Evaluation): string {
  const rows = Object.entries(e.byScript).map(
    ([script, s]) =>
      `  ${script.padEnd(12)} ${String(s.queries).padStart(3)} queries  ${script === 'absent' ? `no-hit rate ${s.recallAt10.toFixed(3)}` : `recall@10 ${s.recallAt10.toFixed(3)}`}`,
  );
  return [`${label}`, ...rows].join('\n');
}
