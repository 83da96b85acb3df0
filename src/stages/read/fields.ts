// Which column of a JSONL or CSV row holds the text, the title, the date…: guessed from common names in English
// and Chinese, or named by the user (--text-field …). Each row becomes its document's text and metadata.
import { z } from 'zod';
import type { DocMeta } from '../../schema.js';
import { normalizeDate } from '../../text/dates.js';

export const FieldRole = z.enum(['text', 'title', 'date', 'source', 'url', 'author', 'id']);
export type FieldRole = z.infer<typeof FieldRole>;

/** Columns named by the user, by role; a named column overrides the guess. */
export const FieldNames = z.partialRecord(FieldRole, z.string().min(1));
export type FieldNames = z.infer<typeof FieldNames>;

// Compared lower-cased, with spaces, - and _ removed.
const GUESSES: Record<FieldRole, string[]> = {
  text: ['text', 'content', 'body', 'article', 'fulltext', 'maintext', '正文', '内容', '內容', '全文', '文本'],
  title: ['title', 'headline', 'heading', '标题', '標題', '题目', '題目'],
  date: [
    'date',
    'published',
    'publishedat',
    'publishdate',
    'publishedtime',
    'pubdate',
    'datepublished',
    'time',
    'datetime',
    'createdat',
    '发布时间',
    '發布時間',
    '發佈時間',
    '日期',
    '时间',
    '時間',
    '发布日期',
    '發布日期',
  ],
  source: ['source', 'media', 'publisher', 'outlet', 'site', 'sitename', '来源', '來源', '媒体', '媒體', '出处', '出處'],
  url: ['url', 'link', 'href', 'uri', '链接', '鏈接', '連結', '网址', '網址'],
  author: ['author', 'byline', 'writer', 'reporter', '作者', '记者', '記者'],
  id: ['id', 'docid', 'uuid', 'guid', 'articleid', '编号', '編號'],
};

const folded = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** The column each role reads: the user's name for it, else the first column whose name is a known one. */
export function pickColumns(columns: string[], named: FieldNames): Partial<Record<FieldRole, string>> {
  const picked: Partial<Record<FieldRole, string>> = {};
  const taken = new Set(Object.values(named));
  for (const role of FieldRole.options) {
    const name = named[role];
    if (name !== undefined) {
      picked[role] = name;
      continue;
    }
    const guesses = GUESSES[role];
    // In the order of the known names, so `content` beats `text` only when no `text` column exists.
    const found = guesses.map((g) => columns.find((c) => folded(c) === g && !taken.has(c))).find((c) => c !== undefined);
    if (found !== undefined) {
      picked[role] = found;
      taken.add(found);
    }
  }
  return picked;
}

/** Names a user gave that no column has, to refuse with the columns listed. */
export function missingColumns(columns: string[], named: FieldNames): string[] {
  return Object.entries(named)
    .filter(([, name]) => !columns.includes(name))
    .map(([role, name]) => `--${role}-field ${name}`);
}

export interface RowFields {
  text: string;
  meta: DocMeta;
  /** What identifies the row across re-ingests: its id or url column, when it has one. */
  key: string | null;
  /** A date that could not be read (kept as written in meta.dateText). */
  badDate: string | null;
}

const present = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());

/** A row's values (as text) → its text, metadata and key; `fileDate` when the row gives no date. */
export function rowFields(values: Record<string, string>, columns: Partial<Record<FieldRole, string>>, fileDate: string | null): RowFields {
  const of = (role: FieldRole) => (columns[role] === undefined ? undefined : values[columns[role]]);
  const used = new Set([columns.text, columns.title, columns.date, columns.source, columns.url, columns.author]);
  const extra: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (!used.has(name) && value !== '') extra[name] = value;
  const dateText = present(of('date'));
  const date = dateText === null ? fileDate : normalizeDate(dateText);
  const url = present(of('url'));
  return {
    text: of('text') ?? '',
    meta: { title: present(of('title')), date, dateText, source: present(of('source')), url, author: present(of('author')), extra },
    key: present(of('id')) ?? url,
    badDate: dateText !== null && date === null ? dateText : null,
  };
}
