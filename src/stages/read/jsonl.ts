// JSON Lines rows: one JSON object per line; values become text (numbers as written, objects and arrays as JSON).
import type { LineNote, ParsedRows, Row } from './rows.js';

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Parses decoded JSONL text; a line that is not a JSON object is a problem of that line, not of the file. */
export function parseJsonl(text: string): ParsedRows {
  const rows: Row[] = [];
  const skipped: LineNote[] = [];
  const columns = new Set<string>();
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const body = raw.trim();
    if (!body) return;
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (err) {
      skipped.push({ line, reason: `not a JSON line (${(err as Error).message.slice(0, 80)})` });
      return;
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      skipped.push({ line, reason: 'not a JSON object' });
      return;
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(json)) {
      const shown = asText(value);
      if (shown === undefined) continue;
      values[key] = shown;
      columns.add(key);
    }
    rows.push({ line, values });
  });
  return { columns: [...columns], rows, skipped, warnings: [] };
}
