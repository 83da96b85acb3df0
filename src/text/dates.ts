// Publication dates as analysts' sources write them → ISO 8601 (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only
// that much is given), plus the derived fields the indexes filter, sort and facet on.
//   2025-03-14, 2025/3/14, 2025.03.14, 20250314, 2025-03-14T08:00:00+08:00 (the date as written, not moved to UTC),
//   2025年3月14日, 民國114年3月14日 / 114年3月14日 / 114/3/14 (ROC years, + 1911), 14 Mar 2025, March 14, 2025.

const FULL_WIDTH_DIGIT = /[０-９]/g;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ROC_OFFSET = 1911;

const pad = (value: number) => String(value).padStart(2, '0');
/** A numeric group of a match (NaN when absent, which no validity check passes). */
const n = (m: RegExpExecArray, group: number) => Number(m[group] ?? NaN);

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone moves it).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || !validDay(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const monthOfName = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

// Each pattern finds a whole date anywhere in the value ("发布时间：2025-03-14 10:30"); digits are not cut.
const FULL_DATES: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
  [/(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/, (m) => ymd(n(m, 1), n(m, 2), n(m, 3))],
  [/(?<!\d)(?:民[國国]\s*)?(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/, (m) => ymd(n(m, 1) + ROC_OFFSET, n(m, 2), n(m, 3))],
  [/(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/, (m) => ymd(n(m, 1), n(m, 3), n(m, 4))],
  [/(?<!\d)(\d{2,3})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/, (m) => ymd(n(m, 1) + ROC_OFFSET, n(m, 3), n(m, 4))],
  [/(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/, (m) => ymd(n(m, 1), n(m, 2), n(m, 3))],
  [/(?<!\d)(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?!\d)/, (m) => ymd(n(m, 3), monthOfName(m[2] ?? ''), n(m, 1))],
  [/\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/, (m) => ymd(n(m, 3), monthOfName(m[1] ?? ''), n(m, 2))],
];

// A month or a year alone only when that is all the value says (a stray number is not a date).
const PARTIAL_DATES: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
  [/^(\d{4})\s*(?:年\s*(\d{1,2})\s*月份?|[-/.](\d{1,2}))$/, (m) => month(n(m, 1), Number(m[2] ?? m[3]))],
  [/^(?:民[國国]\s*)?(\d{2,3})\s*年\s*(\d{1,2})\s*月份?$/, (m) => month(n(m, 1) + ROC_OFFSET, n(m, 2))],
  [/^(\d{4})\s*年?$/, (m) => (n(m, 1) >= 1000 ? String(n(m, 1)) : null)],
];

function month(year: number, m: number): string | null {
  return year >= 1000 && year <= 9999 && m >= 1 && m <= 12 ? `${year}-${pad(m)}` : null;
}

/** The ISO date a value states (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for a value that says only that), or null. */
export function normalizeDate(value: string): string | null {
  const text = value.replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10)).trim();
  if (!text) return null;
  for (const [pattern, build] of FULL_DATES) {
    const m = pattern.exec(text);
    const date = m ? build(m) : null;
    if (date) return date;
  }
  for (const [pattern, build] of PARTIAL_DATES) {
    const m = pattern.exec(text);
    const date = m ? build(m) : null;
    if (date) return date;
  }
  return null;
}

/**
 * A date in a file name (`2025-03-14-上海.txt`, `20250314_新闻.html`, `2025_03_14.txt`): eight digits or
 * YYYY-MM-DD between non-alphanumeric characters, so a hex hash (`…8000c266…`) is not read as one.
 */
export function dateFromFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  for (const m of base.matchAll(/(?<![0-9A-Za-z])((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?![0-9A-Za-z])/g)) {
    const date = ymd(n(m, 1), n(m, 3), n(m, 4));
    if (date) return date;
  }
  return null;
}

/** YYYYMMDD as a number (missing month or day: 00), for range filters and sorting; null without a date. */
export function dateNumOf(iso: string | null): number | null {
  if (!iso) return null;
  const [y = '0', m = '00', d = '00'] = iso.split('-');
  return Number(y) * 10000 + Number(m) * 100 + Number(d);
}

/** `YYYY-MM` of a date that names its month, for the month facet. */
export function monthOf(iso: string | null): string | null {
  return iso && iso.length >= 7 ? iso.slice(0, 7) : null;
}

/**
 * The dateNum range a filter value covers, both ends included: `2025-03-14` one day, `2025-03` (or 2025年3月)
 * the month, `2025` the year. Null when the value is not a date.
 */
export function dateRange(value: string): { lo: number; hi: number } | null {
  const iso = normalizeDate(value);
  if (!iso) return null;
  const [y = '0', m, d] = iso.split('-');
  const base = Number(y) * 10000;
  if (d !== undefined) return { lo: base + Number(m) * 100 + Number(d), hi: base + Number(m) * 100 + Number(d) };
  if (m !== undefined) return { lo: base + Number(m) * 100, hi: base + Number(m) * 100 + 99 };
  return { lo: base, hi: base + 9999 };
}
