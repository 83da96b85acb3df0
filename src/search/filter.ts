// Filters built from structured parts: a user's `place = 上海` is parsed into field, operator and value,
// the field checked against a list, and the value escaped, so user text never reaches Meilisearch's
// filter syntax as is.
import { z } from 'zod';
import { InputError } from '../errors.js';
import { normalizeQuery } from '../text/script.js';

export const FilterField = z.enum(['doc', 'person', 'place', 'org', 'year', 'unit', 'kind', 'status', 'qualifier', 'period', 'heading', 'script']);
export type FilterField = z.infer<typeof FilterField>;
export const FilterOp = z.enum(['=', '!=', '>', '>=', '<', '<=']);
export type FilterOp = z.infer<typeof FilterOp>;

export const FilterClause = z.union([
  z.object({ field: FilterField, op: FilterOp, value: z.union([z.string().max(200), z.number()]) }),
  /** `has:target` / `has:figure`: passages that state a target / any figure. */
  z.object({ has: z.enum(['target', 'figure']) }),
]);
export type FilterClause = z.infer<typeof FilterClause>;

const NUMERIC: ReadonlySet<FilterField> = new Set(['year']);
// Names are stored in simplified script; a traditional value must match them too.
const NAME_FIELDS: ReadonlySet<FilterField> = new Set(['person', 'place', 'org', 'unit', 'period']);

/** Parses `field op value` or `has:x`; several clauses may be joined with AND. */
export function parseFilter(expression: string): FilterClause[] {
  return expression
    .split(/\s+AND\s+/i)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const has = /^has:(target|figure)$/i.exec(part);
      if (has) return { has: (has[1] ?? '').toLowerCase() as 'target' | 'figure' };
      const m = /^([A-Za-z]+)\s*(!=|>=|<=|=|>|<)\s*(.+)$/.exec(part);
      if (!m) throw new InputError(`filter "${part}": expected FIELD OP VALUE (e.g. place = 上海, year >= 2024) or has:target`);
      const field = FilterField.safeParse(m[1]);
      if (!field.success) throw new InputError(`filter "${part}": unknown field "${m[1]}" (one of ${FilterField.options.join(', ')}, has:target, has:figure)`);
      const raw = (m[3] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
      const value = NUMERIC.has(field.data) ? Number(raw) : raw;
      if (typeof value === 'number' && !Number.isFinite(value)) throw new InputError(`filter "${part}": ${field.data} needs a number`);
      return { field: field.data, op: m[2] as FilterOp, value };
    });
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// The passages index keeps figure facets under other names; some figure fields exist only on figures.
const PASSAGE_FIELDS: Partial<Record<FilterField, string>> = { unit: 'units', kind: 'figureKinds' };
const FIGURE_ONLY: ReadonlySet<FilterField> = new Set(['status', 'qualifier', 'period']);
const PASSAGE_ONLY: ReadonlySet<FilterField> = new Set(['person', 'heading', 'script']);

/** Meilisearch filter syntax from clauses (AND), values escaped, for the passages or the figures index. */
export function toMeiliFilter(clauses: FilterClause[], target: 'passages' | 'figures' = 'passages'): string | undefined {
  const parts = clauses.map((clause) => {
    if ('has' in clause) {
      if (target === 'figures') return clause.has === 'target' ? 'status = "target"' : 'kind EXISTS';
      return clause.has === 'target' ? 'hasTarget = true' : 'hasFigure = true';
    }
    const value =
      typeof clause.value === 'number'
        ? String(clause.value)
        : quote(NAME_FIELDS.has(clause.field) ? normalizeQuery(clause.value) : clause.value);
    if (target === 'passages' && FIGURE_ONLY.has(clause.field)) throw new InputError(`filter on ${clause.field} applies to figures, not passages`);
    if (target === 'figures' && PASSAGE_ONLY.has(clause.field)) throw new InputError(`filter on ${clause.field} applies to passages, not figures`);
    const field = target === 'passages' ? (PASSAGE_FIELDS[clause.field] ?? clause.field) : clause.field;
    return `${field} ${clause.op} ${value}`;
  });
  return parts.length ? parts.join(' AND ') : undefined;
}

/** What a figure is filtered on, as the figures index holds it. */
export interface FilterableFigure {
  doc: string;
  unit: string;
  kind: string;
  status: string;
  qualifier: string;
  period: string;
  year: number[];
  place: string[];
  org: string[];
}

function compare(a: string | number, op: FilterOp, b: string | number): boolean {
  switch (op) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '<': return a < b;
    case '<=': return a <= b;
  }
}

/**
 * The clauses as a test on one figure, with the figures index's semantics (`zhpipe figures` over files has no
 * index to ask): names compared in simplified script; a list field matches when one of its values does, and
 * `!=` when none equals.
 */
export function figureMatcher(clauses: FilterClause[]): (figure: FilterableFigure) => boolean {
  for (const clause of clauses) {
    if ('field' in clause && PASSAGE_ONLY.has(clause.field)) throw new InputError(`filter on ${clause.field} applies to passages, not figures`);
  }
  const tests = clauses.map((clause): ((f: FilterableFigure) => boolean) => {
    if ('has' in clause) return clause.has === 'target' ? (f) => f.status === 'target' : () => true;
    const { field, op } = clause;
    const value = typeof clause.value === 'string' && NAME_FIELDS.has(field) ? normalizeQuery(clause.value) : clause.value;
    return (f) => {
      const held = f[field as keyof FilterableFigure];
      const values: Array<string | number> = Array.isArray(held) ? held : [held];
      return op === '!=' ? !values.some((v) => v === value) : values.some((v) => compare(v, op, value));
    };
  });
  return (figure) => tests.every((test) => test(figure));
}
