// Filters built from structured parts: a user's `place = 上海 OR (place = 江苏 AND year >= 2025)` is parsed into
// conditions (field, operator, value) joined with AND / OR,
// the field checked against a list, and the value escaped, so user text never reaches Meilisearch's
// filter syntax as is.
import * as z from '../zod-mini.js';
import { InputError } from '../errors.js';
import { normalizeQuery } from '../text/script.js';
import { dateRange, monthOf, normalizeDate } from '../text/dates.js';

export const FilterField = z.enum([
  'doc',
  'person',
  'place',
  'org',
  'year',
  'unit',
  'kind',
  'status',
  'qualifier',
  'period',
  'heading',
  'script',
  'date',
  'month',
  'source',
  'currency',
  'change',
]);
export type FilterField = z.infer<typeof FilterField>;
export const FilterOp = z.enum(['=', '!=', '>', '>=', '<', '<=']);
export type FilterOp = z.infer<typeof FilterOp>;

const Comparison = z.object({ field: FilterField, op: FilterOp, value: z.union([z.string().check(z.maxLength(200)), z.number()]) });
/** `has:target` / `has:figure`: passages that state a target / any figure. */
const Has = z.object({ has: z.enum(['target', 'figure']) });

/** One condition, or `any`: alternatives (OR), each a list of clauses that must all hold (AND). */
export type FilterClause = z.infer<typeof Comparison> | z.infer<typeof Has> | { any: FilterClause[][] };
/** A list of at least `min` and at most 20 items. */
const listOf = <T extends z.ZodMiniType>(item: T, min: number) => z.array(item).check(z.minLength(min), z.maxLength(20));
export const FilterClause: z.ZodMiniType<FilterClause> = z.lazy(() => z.union([Comparison, Has, z.object({ any: listOf(listOf(FilterClause, 1), 2) })]));

const NUMERIC: ReadonlySet<FilterField> = new Set(['year']);
// Years past this are not dates; a value like 1e308 would reach Meilisearch as "1e+308" and fail there.
const MAX_YEAR = 9999;
// Names are stored in simplified script; a traditional value must match them too.
const NAME_FIELDS: ReadonlySet<FilterField> = new Set(['person', 'place', 'org', 'unit', 'period']);
// Bounds on what one expression may hold, since expressions also come from the HTTP API.
const MAX_DEPTH = 8;
const MAX_CLAUSES = 50;

/** A piece of an expression: a parenthesis, AND / OR, or the text of one condition. */
type Token = { kind: '(' | ')' | 'AND' | 'OR' } | { kind: 'clause'; text: string };

/**
 * Splits an expression into tokens. Outside quotes, AND and OR (any case, between spaces or parentheses) join
 * conditions; "(" opens a group where a condition starts, ")" closes one that is open. Elsewhere, and inside
 * '…' or "…" (with \ escapes), every character belongs to the condition: `doc = "R AND D (1).txt"`.
 */
function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let clause = '';
  let depth = 0;
  let literalParens = 0;
  const flush = () => {
    if (clause.trim()) tokens.push({ kind: 'clause', text: clause.trim() });
    clause = '';
    literalParens = 0;
  };
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i] ?? '';
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < expression.length && expression[j] !== ch) j += expression[j] === '\\' ? 2 : 1;
      if (j >= expression.length) throw new InputError(`filter "${expression}": a ${ch} without its closing ${ch}`);
      clause += expression.slice(i, j + 1);
      i = j;
      continue;
    }
    const keyword = /^(AND|OR)(?=[\s()]|$)/i.exec(expression.slice(i));
    if (keyword && (clause === '' || /\s$/.test(clause)) && (clause.trim() !== '' || tokens.length > 0)) {
      flush();
      tokens.push({ kind: (keyword[1] ?? '').toUpperCase() as 'AND' | 'OR' });
      i += (keyword[1] ?? '').length - 1;
    } else if (ch === '(' && clause.trim() === '') {
      tokens.push({ kind: '(' });
      depth++;
    } else if (ch === ')' && literalParens === 0 && depth > 0) {
      flush();
      tokens.push({ kind: ')' });
      depth--;
    } else {
      if (ch === '(') literalParens++;
      if (ch === ')' && literalParens > 0) literalParens--;
      clause += ch;
    }
  }
  flush();
  return tokens;
}

/** `"a \" b"` → `a " b`; an unquoted value as it is. */
function unquote(raw: string): string {
  const m = /^(["'])([\s\S]*)\1$/.exec(raw);
  return m ? (m[2] ?? '').replace(/\\([\\"'])/g, '$1') : raw;
}

/** One condition: `field op value` or `has:x`. */
function parseClause(part: string): FilterClause {
  const has = /^has:(target|figure)$/i.exec(part);
  if (has) return { has: (has[1] ?? '').toLowerCase() as 'target' | 'figure' };
  if (/^NOT\s/i.test(part)) throw new InputError(`filter "${part}": NOT is not supported; use != (e.g. place != 上海)`);
  const m = /^([A-Za-z]+)\s*(!=|>=|<=|=|>|<)\s*(.+)$/s.exec(part);
  if (!m) throw new InputError(`filter "${part}": expected FIELD OP VALUE (e.g. place = 上海, year >= 2024) or has:target`);
  const field = FilterField.safeParse(m[1]);
  if (!field.success) throw new InputError(`filter "${part}": unknown field "${m[1]}" (one of ${FilterField.options.join(', ')}, has:target, has:figure)`);
  const raw = unquote((m[3] ?? '').trim());
  if (NUMERIC.has(field.data)) {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(value) || value < 0 || value > MAX_YEAR)
      throw new InputError(`filter "${part}": ${field.data} needs a whole number from 0 to ${MAX_YEAR}`);
    return { field: field.data, op: m[2] as FilterOp, value };
  }
  if (raw.length > 200) throw new InputError(`filter "${part.slice(0, 40)}…": the value is longer than 200 characters`);
  // Dates and months are kept in ISO form: `date >= 2025年3月` is `date >= 2025-03`.
  if (field.data === 'date') {
    const iso = normalizeDate(raw);
    if (!iso) throw new InputError(`filter "${part}": date needs a date (2025-03-14, 2025-03, 2025, 2025年3月14日 …)`);
    return { field: 'date', op: m[2] as FilterOp, value: iso };
  }
  if (field.data === 'month') {
    const month = monthOf(normalizeDate(raw));
    if (!month || (m[2] !== '=' && m[2] !== '!='))
      throw new InputError(`filter "${part}": month takes = or != and a month (month = 2025-03); for ranges use date (date >= 2025-03)`);
    return { field: 'month', op: m[2] as FilterOp, value: month };
  }
  return { field: field.data, op: m[2] as FilterOp, value: raw };
}

/**
 * Parses a filter expression: conditions (`field op value`, `has:x`) joined with AND and OR, grouped with
 * parentheses; AND binds tighter than OR, as in Meilisearch. Returns clauses that must all hold.
 */
export function parseFilter(expression: string): FilterClause[] {
  const tokens = tokenize(expression);
  let at = 0;
  let clauses = 0;
  const fail = (why: string): never => {
    throw new InputError(`filter "${expression}": ${why}`);
  };
  // or := and (OR and)* ; and := unit (AND unit)* ; unit := clause | ( or )
  const parseOr = (depth: number): FilterClause[] => {
    const alternatives = [parseAnd(depth)];
    while (tokens[at]?.kind === 'OR') {
      at++;
      alternatives.push(parseAnd(depth));
    }
    return alternatives.length === 1 ? (alternatives[0] ?? []) : [{ any: alternatives }];
  };
  const parseAnd = (depth: number): FilterClause[] => {
    const all = [...parseUnit(depth)];
    while (tokens[at]?.kind === 'AND') {
      at++;
      all.push(...parseUnit(depth));
    }
    return all;
  };
  const parseUnit = (depth: number): FilterClause[] => {
    const token = tokens[at++];
    if (!token) return fail('a condition is missing (at the end)');
    if (token.kind === 'clause') {
      if (++clauses > MAX_CLAUSES) fail(`more than ${MAX_CLAUSES} conditions`);
      return [parseClause(token.text)];
    }
    if (token.kind !== '(') return fail(`a condition is missing before ${token.kind}`);
    if (depth >= MAX_DEPTH) fail(`parentheses nested deeper than ${MAX_DEPTH}`);
    const inner = parseOr(depth + 1);
    if (tokens[at]?.kind !== ')') fail('a ( without its )');
    at++;
    return inner;
  };
  if (tokens.length === 0) return [];
  const result = parseOr(0);
  const rest = tokens[at];
  if (rest) fail(rest.kind === 'clause' ? `expected AND or OR before "${rest.text}"` : `unexpected ${rest.kind}`);
  return result;
}

/** Every field a filter's clauses name, nested groups included. */
export function fieldsOf(clauses: FilterClause[]): Set<FilterField> {
  const fields = new Set<FilterField>();
  const visit = (c: FilterClause) => {
    if ('any' in c) c.any.flat().forEach(visit);
    else if ('field' in c) fields.add(c.field);
  };
  clauses.forEach(visit);
  return fields;
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// The passages index keeps figure facets under other names; some figure fields exist only on figures.
const PASSAGE_FIELDS: Partial<Record<FilterField, string>> = { unit: 'units', kind: 'figureKinds' };
const FIGURE_ONLY: ReadonlySet<FilterField> = new Set(['status', 'qualifier', 'period', 'currency', 'change']);
const PASSAGE_ONLY: ReadonlySet<FilterField> = new Set(['person', 'heading', 'script']);

/** The dateNum range a date value covers (a day, a month, a year); values were checked when parsed. */
function rangeOf(value: string): { lo: number; hi: number } {
  const range = dateRange(value);
  if (!range) throw new InputError(`filter on date: "${value}" is not a date (2025-03-14, 2025-03, 2025)`);
  return range;
}

/**
 * A date condition as a dateNum range (YYYYMMDD): `date = 2025-03` is the whole month, `date < 2026` before the
 * year, `date > 2025-03` after the month. Undated passages have no dateNum and match no range.
 */
function dateFilter(op: FilterOp, value: string): string {
  const { lo, hi } = rangeOf(value);
  switch (op) {
    case '=':
      return `dateNum ${lo} TO ${hi}`;
    case '!=':
      return `NOT dateNum ${lo} TO ${hi}`;
    case '>':
      return `dateNum > ${hi}`;
    case '>=':
      return `dateNum >= ${lo}`;
    case '<':
      return `dateNum < ${lo}`;
    case '<=':
      return `dateNum <= ${hi}`;
  }
}

/** The same test on one dateNum, for figures read from files. */
function dateMatches(dateNum: number | null | undefined, op: FilterOp, value: string): boolean {
  const { lo, hi } = rangeOf(value);
  if (dateNum === null || dateNum === undefined) return op === '!=';
  switch (op) {
    case '=':
      return dateNum >= lo && dateNum <= hi;
    case '!=':
      return dateNum < lo || dateNum > hi;
    case '>':
      return dateNum > hi;
    case '>=':
      return dateNum >= lo;
    case '<':
      return dateNum < lo;
    case '<=':
      return dateNum <= hi;
  }
}

/** Meilisearch filter syntax from clauses (AND; `any` groups as parenthesized OR), values escaped, for the passages or the figures index. */
export function toMeiliFilter(clauses: FilterClause[], target: 'passages' | 'figures' = 'passages'): string | undefined {
  const one = (clause: FilterClause): string => {
    if ('any' in clause) return `(${clause.any.map((all) => all.map(one).join(' AND ')).join(' OR ')})`;
    if ('has' in clause) {
      if (target === 'figures') return clause.has === 'target' ? 'status = "target"' : 'kind EXISTS';
      return clause.has === 'target' ? 'hasTarget = true' : 'hasFigure = true';
    }
    const value = typeof clause.value === 'number' ? String(clause.value) : quote(NAME_FIELDS.has(clause.field) ? normalizeQuery(clause.value) : clause.value);
    if (target === 'passages' && FIGURE_ONLY.has(clause.field)) throw new InputError(`filter on ${clause.field} applies to figures, not passages`);
    if (target === 'figures' && PASSAGE_ONLY.has(clause.field)) throw new InputError(`filter on ${clause.field} applies to passages, not figures`);
    if (clause.field === 'date') return dateFilter(clause.op, String(clause.value));
    const field = target === 'passages' ? (PASSAGE_FIELDS[clause.field] ?? clause.field) : clause.field;
    return `${field} ${clause.op} ${value}`;
  };
  const parts = clauses.map(one);
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
  /** The document's date (YYYYMMDD), month and source, when known. */
  dateNum?: number | null;
  month?: string | null;
  source?: string | null;
  /** ISO currency of money, and increase / decrease of a change (issue 20). */
  currency?: string | null;
  change?: string | null;
}

function compare(a: string | number, op: FilterOp, b: string | number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

/**
 * The clauses as a test on one figure, with the figures index's semantics (`zhpipe figures` over files has no
 * index to ask): names compared in simplified script; a list field matches when one of its values does, and
 * `!=` when none equals.
 */
export function figureMatcher(clauses: FilterClause[]): (figure: FilterableFigure) => boolean {
  for (const field of fieldsOf(clauses)) {
    if (PASSAGE_ONLY.has(field)) throw new InputError(`filter on ${field} applies to passages, not figures`);
  }
  const test = (clause: FilterClause): ((f: FilterableFigure) => boolean) => {
    if ('any' in clause) {
      const alternatives = clause.any.map((all) => all.map(test));
      return (f) => alternatives.some((all) => all.every((t) => t(f)));
    }
    if ('has' in clause) return clause.has === 'target' ? (f) => f.status === 'target' : () => true;
    const { field, op } = clause;
    if (field === 'date') return (f) => dateMatches(f.dateNum, op, String(clause.value));
    const value = typeof clause.value === 'string' && NAME_FIELDS.has(field) ? normalizeQuery(clause.value) : clause.value;
    return (f) => {
      const held = f[field as keyof FilterableFigure];
      const values: Array<string | number> = Array.isArray(held) ? held : held === null || held === undefined ? [] : [held];
      return op === '!=' ? !values.some((v) => v === value) : values.some((v) => compare(v, op, value));
    };
  };
  const tests = clauses.map(test);
  return (figure) => tests.every((t) => t(figure));
}
