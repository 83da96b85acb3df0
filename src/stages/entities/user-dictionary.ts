// Edits of the user's entity dictionary (dictionaries/entities/user.txt by default): add a name with its type
// and aliases, remove a name (a user name is deleted; a shipped name is blocked with `!NAME`, so shipped files
// stay untouched and the removal survives their regeneration).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../errors.js';
import type { EntityType } from '../../schema.js';
import { buildDictionaries, parseEntityFile, readDictionarySources, USER_FILE, type EntityDictionaries } from './dictionary.js';

export const USER_HEADER = [
  '# User entity dictionary: names added with `zhpipe dict add`, and `!NAME` lines from `zhpipe dict remove`',
  '# that block a name of the shipped dictionaries. Edit by hand freely; it is read after every other file.',
  '# Format: NAME TYPE [ALIAS ...], whitespace separated; TYPE is person|place|org; aliases resolve to NAME',
  '# (the canonical name). A line "!NAME" blocks a name. # starts a comment.',
  '',
].join('\n');

export interface NewEntry {
  name: string;
  type: EntityType;
  aliases?: string[];
}

/** Checks a name or alias as the file format needs it; the error says what is wrong. */
export function validateName(value: string, what = 'name'): string {
  const name = value.normalize('NFC').trim();
  if (!name) throw new InputError(`${what} is empty`);
  if (/\s/.test(name)) throw new InputError(`${what} "${name}" contains whitespace (names are one word: 国家发展改革委, 詹姆斯·董)`);
  if (name.startsWith('!') || name.startsWith('#') || name.includes(' #')) throw new InputError(`${what} "${name}" may not start with ! or #`);
  if ([...name].length > 60) throw new InputError(`${what} "${name}" is longer than 60 characters`);
  if (/[\u0000-\u001f]/.test(name)) throw new InputError(`${what} contains control characters`);
  return name;
}

function readLines(file: string): string[] {
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
    : USER_HEADER.split('\n');
}

function writeLines(file: string, lines: string[]): void {
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  writeFileSync(file, lines.join('\n') + '\n');
}

function fieldsOf(line: string): string[] {
  const t = line.trim();
  return t && !t.startsWith('#') ? t.replace(/\s#.*$/, '').split(/\s+/) : [];
}

export interface EditResult {
  file: string;
  /** What was done, in one line for the user. */
  action: string;
}

/** Adds (or updates) an entry in `file` (default user.txt in `dir`); a `!NAME` block of it is lifted. */
export function addEntry(dir: string, entry: NewEntry, file = USER_FILE): EditResult {
  const name = validateName(entry.name);
  const aliases = [...new Set((entry.aliases ?? []).map((a) => validateName(a, 'alias')))].filter((a) => a !== name);
  const target = path.join(dir, path.basename(file));
  const lines = readLines(target).filter((l) => l.trim() !== `!${name}`);
  const at = lines.findIndex((l) => fieldsOf(l)[0] === name);
  let action: string;
  if (at >= 0) {
    const [, , ...old] = fieldsOf(lines[at] as string);
    const merged = [...new Set([...old, ...aliases])];
    lines[at] = [name, entry.type, ...merged].join(' ');
    action = `updated ${name} (${entry.type}${merged.length ? `; aliases ${merged.join(' ')}` : ''})`;
  } else {
    lines.push([name, entry.type, ...aliases].join(' '));
    action = `added ${name} (${entry.type}${aliases.length ? `; aliases ${aliases.join(' ')}` : ''})`;
  }
  // The edited file must still parse: a broken line would stop every later run.
  parseEntityFile(lines.join('\n'), path.basename(target));
  writeLines(target, lines);
  return { file: target, action };
}

/**
 * Removes a name: deleted from user.txt when it is there; a name (or alias) that a shipped file defines
 * is blocked with a `!NAME` line. Unknown names are an error.
 */
export function removeEntry(dir: string, rawName: string, file = USER_FILE): EditResult {
  const name = validateName(rawName);
  const target = path.join(dir, path.basename(file));
  const lines = readLines(target);
  const before = lines.length;
  const kept = lines.filter((l) => fieldsOf(l)[0] !== name);
  const removedHere = kept.length !== before;
  // Is it still defined elsewhere (another file, or as an alias)?
  const sources = readDictionarySources(dir);
  const others = buildDictionaries({
    ...sources,
    entityFiles: sources.entityFiles.filter((f) => f.file !== path.basename(target)),
  });
  const elsewhere = others.surfaces.has(name);
  if (!removedHere && !elsewhere) throw new InputError(`"${name}" is in no entity dictionary of ${dir}`);
  if (elsewhere && !kept.some((l) => l.trim() === `!${name}`)) kept.push(`!${name}`);
  writeLines(target, kept);
  const action = elsewhere ? `blocked ${name} (defined in a shipped dictionary; "!${name}" in ${path.basename(target)})` : `removed ${name}`;
  return { file: target, action };
}

export interface ListedEntry {
  name: string;
  type: EntityType;
  aliases: string[];
  file: string;
}

/** Entries of the loaded dictionaries, optionally of one type and/or one file, sorted by name. */
export function listEntries(dicts: EntityDictionaries, options: { type?: EntityType; file?: string } = {}): ListedEntry[] {
  return [...dicts.entries.values()]
    .filter((e) => (!options.type || e.type === options.type) && (!options.file || e.file === options.file))
    .map((e) => ({ name: e.name, type: e.type, aliases: e.aliases, file: e.file }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
