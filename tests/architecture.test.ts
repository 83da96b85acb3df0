// The house's layering: every import points down (or within its own folder), so a newcomer can read any room
// knowing only what lies below it. The CLI and the web server sit on top; output formats, the text helpers
// and the schemas at the bottom.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// Higher imports lower. Folders of src/ and its top-level modules (by name without extension).
const LAYER: Record<string, number> = {
  // zod/mini with its messages, the enums on it, the record schemas on those.
  'zod-mini': 0,
  enums: 1,
  errors: 2,
  root: 2,
  schema: 2,
  'atomic-write': 3,
  lockfile: 3,
  text: 3,
  meili: 4,
  stages: 4,
  vocabulary: 5,
  formats: 5,
  search: 6,
  pipeline: 7,
  workflows: 8,
  server: 9,
  cli: 10,
  bin: 11,
};

const SRC = path.join(ROOT, 'src');
const roomOf = (file: string) => (path.relative(SRC, file).split(path.sep)[0] ?? '').replace(/\.(ts|js)$/, '');

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('layering of src/', () => {
  const files = sourceFiles();

  it('knows the layer of every folder and top-level module', () => {
    expect(files.length).toBeGreaterThan(50);
    expect([...new Set(files.map(roomOf))].filter((room) => LAYER[room] === undefined)).toEqual([]);
  });

  it('has no import that points up or sideways to another room of the same layer', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = roomOf(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)) {
        const to = roomOf(path.resolve(path.dirname(file), spec ?? ''));
        if (to !== from && (LAYER[to] ?? Infinity) >= (LAYER[from] ?? -Infinity)) wrong.push(`${path.relative(ROOT, file)} → ${spec} (${from} → ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
