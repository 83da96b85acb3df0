// The parameters of every API endpoint as zod schemas. Query strings become objects first (`filter` may
// repeat); unknown parameters are refused, so a typo gets a 400 naming it instead of being ignored.
import { z } from 'zod';
import { Script } from '../schema.js';
import { FacetName } from '../search/search.js';
import { GroupBy } from '../workflows/targets.js';
import { FigureStatus } from '../schema.js';
import { HttpError } from './http.js';

const REPEATABLE = new Set(['filter']);

export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = REPEATABLE.has(key) ? values : (values[values.length - 1] ?? '');
  }
  return out;
}

const q = z.string().max(1000, 'q: at most 1000 characters').default('');
const filter = z.array(z.string().max(500)).max(20, 'filter: at most 20 expressions').default([]);
const facets = z
  .string()
  .max(200)
  .transform((s) =>
    s
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
  )
  .pipe(z.array(FacetName));

export const SearchQuery = z
  .object({
    q,
    filter,
    facets: facets.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(10),
    offset: z.coerce.number().int().min(0).max(10000).default(0),
    /** At most this many passages of one document (0: no limit), as `zhpipe search --per-doc`. */
    perDoc: z.coerce.number().int().min(0).max(100).default(2),
    script: z.optional(Script),
    /** relevance (default), date (oldest first) or -date (newest first), as `zhpipe search --sort`. */
    sort: z.enum(['relevance', 'date', '-date']).default('relevance'),
  })
  .strict();

/** POST /api/search takes the same fields as JSON (facets as an array). */
export const SearchBody = SearchQuery.extend({ facets: z.array(FacetName).max(FacetName.options.length).optional() }).strict();

export const FacetsQuery = z.object({ q, filter }).strict();

export const FiguresQuery = z
  .object({
    q,
    filter,
    status: z.union([FigureStatus, z.literal('all')]).default('all'),
    format: z.enum(['json', 'csv', 'jsonl']).default('json'),
    groupBy: GroupBy.optional(),
    /** The script the page's table shows (JSON only; downloads keep the text as stored). */
    script: z.optional(Script),
  })
  .strict();

export const TargetsQuery = FiguresQuery.omit({ status: true }).strict();

export const ExportQuery = z.object({ q, filter, format: z.enum(['jsonl', 'csv']).default('jsonl') }).strict();

/** `q`: the search the passage was opened from, to highlight its words in the view. */
export const PassageQuery = z.object({ script: z.optional(Script), q: q.optional() }).strict();

export const PassageId = z.string().regex(/^[0-9A-Za-z_-]{1,200}$/, 'passage id: letters, digits, _ and - only');

/** Validates input against a schema; a failure is a 400 that names the parameter. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') throw new HttpError(400, `unknown parameter(s): ${issue.keys.join(', ')}`);
  const where = issue?.path.length ? `parameter "${issue.path.join('.')}"` : 'request';
  throw new HttpError(400, `${where}: ${issue?.message ?? 'invalid'}`);
}
