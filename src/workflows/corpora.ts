// Saved corpus definitions (query + filters, by name) in the data directory, so a corpus can be cut again
// later with the same definition: <data-dir>/corpora/<name>.json, validated on read and on write.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-write.js';
import { InputError } from '../errors.js';
import { parseFilter } from '../search/filter.js';

export const CorpusName = z.string().regex(/^[\p{L}\p{N}_-]{1,64}$/u, 'a corpus name is 1-64 letters, digits, _ or - (no spaces or slashes)');

export const SavedCorpus = z
  .object({
    name: CorpusName,
    query: z.string().max(1000),
    filter: z.array(z.string().max(500)).max(20),
    savedAt: z.string(),
  })
  .strict();
export type SavedCorpus = z.infer<typeof SavedCorpus>;

const folder = (dataDir: string) => path.join(dataDir, 'corpora');

function fileOf(dataDir: string, name: string): string {
  const parsed = CorpusName.safeParse(name);
  if (!parsed.success) throw new InputError(`corpus "${name}": ${parsed.error.issues[0]?.message ?? 'bad name'}`);
  return path.join(folder(dataDir), `${parsed.data}.json`);
}

export function saveCorpus(dataDir: string, definition: { name: string; query: string; filter: string[] }, now = new Date()): SavedCorpus {
  // Refuse a filter that will not parse now rather than at `corpus run` time.
  definition.filter.forEach((f) => parseFilter(f));
  const parsed = SavedCorpus.safeParse({ ...definition, savedAt: now.toISOString() });
  if (!parsed.success) throw new InputError(`corpus "${definition.name}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const file = fileOf(dataDir, definition.name);
  mkdirSync(folder(dataDir), { recursive: true });
  writeFileAtomic(file, JSON.stringify(parsed.data, null, 2) + '\n');
  return parsed.data;
}

export function loadCorpus(dataDir: string, name: string): SavedCorpus {
  const file = fileOf(dataDir, name);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`no saved corpus "${name}" (see \`zhpipe corpus list\`)`);
    throw new InputError(`corpus file ${file}: ${(err as Error).message}`);
  }
  const parsed = SavedCorpus.safeParse(raw);
  if (!parsed.success)
    throw new InputError(`corpus file ${file}: field "${parsed.error.issues[0]?.path.join('.') ?? ''}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export function listCorpora(dataDir: string): SavedCorpus[] {
  let names: string[];
  try {
    names = readdirSync(folder(dataDir)).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((f) => loadCorpus(dataDir, f.slice(0, -'.json'.length))).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Deletes a saved definition; false when there was none. */
export function deleteCorpus(dataDir: string, name: string): boolean {
  const file = fileOf(dataDir, name);
  try {
    readFileSync(file);
  } catch {
    return false;
  }
  rmSync(file);
  return true;
}
