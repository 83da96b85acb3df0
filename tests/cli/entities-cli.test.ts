// `zhpipe entities` and `zhpipe dict`: the output contract of DESIGN.md, offsets into the original text,
// filters and formats, bad input. Commands run in-process with stdout captured.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dictCommand } from '../../src/cli/dict.js';
import { entitiesCommand } from '../../src/cli/entities.js';
import { defaultDictionaryDir } from '../../src/stages/entities/index.js';

async function run(command: Command, args: string[]): Promise<{ out: string; err: string; exitCode: number | undefined }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  process.exitCode = undefined;
  try {
    const root = new Command('zhpipe').exitOverride();
    root.addCommand(command);
    await root.parseAsync(['node', 'zhpipe', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  return { out, err, exitCode };
}

const DOC = 'corpus/001_5101c8e2da40accb.txt';

describe('zhpipe entities', () => {
  it('prints one JSON mention per line with the contract fields, offsets into the original text', async () => {
    const { out } = await run(entitiesCommand(), ['entities', DOC, '--format', 'jsonl']);
    const original = readFileSync(DOC, 'utf8');
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(['doc', 'start', 'end', 'type', 'text', 'canonical']);
      expect(r.doc).toBe(DOC);
      expect(original.slice(r.start as number, r.end as number)).toBe(r.text);
    }
    expect(rows).toContainEqual(expect.objectContaining({ type: 'org', text: '国家发展改革委', canonical: '国家发展改革委' }));
    expect(rows).toContainEqual(expect.objectContaining({ type: 'place', text: '皖', canonical: '安徽' }));
  });

  it('filters by type', async () => {
    const { out } = await run(entitiesCommand(), ['entities', DOC, '--type', 'person']);
    const types = new Set(
      out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { type: string }).type),
    );
    expect([...types]).toEqual(['person']);
  });

  it('writes CSV with a BOM and a header row', async () => {
    const { out } = await run(entitiesCommand(), ['entities', DOC, '--format', 'csv', '--type', 'org']);
    expect(out.startsWith('\uFEFFdoc,start,end,type,text,canonical\n')).toBe(true);
  });

  it('reports a missing file by name, goes on with the others, and exits 2', async () => {
    const { out, err, exitCode } = await run(entitiesCommand(), ['entities', 'no-such-file.txt', DOC, '--type', 'place']);
    expect(err).toMatch(/no-such-file\.txt/);
    expect(out.length).toBeGreaterThan(0);
    expect(exitCode).toBe(2);
  });
});

describe('zhpipe dict', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('adds, lists and removes a name, printing the changed names', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhpipe-dictcli-'));
    cpSync(defaultDictionaryDir(), dir, { recursive: true });
    const add = await run(dictCommand(), ['dict', 'add', '青禾数智联盟', '--type', 'org', '--alias', '禾数联盟', '--dir', dir]);
    expect(add.out).toMatch(/added 青禾数智联盟/);
    expect(add.out).toMatch(/changed names: 禾数联盟 青禾数智联盟/);
    const list = await run(dictCommand(), ['dict', 'list', '--type', 'org', '--file', 'user.txt', '--format', 'jsonl', '--dir', dir]);
    expect(JSON.parse(list.out.trim())).toEqual({ name: '青禾数智联盟', type: 'org', aliases: ['禾数联盟'], file: 'user.txt' });
    const remove = await run(dictCommand(), ['dict', 'remove', '青禾数智联盟', '--dir', dir]);
    expect(remove.out).toMatch(/removed 青禾数智联盟/);
  });

  it('refuses a bad type with a clear error', async () => {
    await expect(run(dictCommand(), ['dict', 'add', '某某', '--type', 'city'])).rejects.toThrow(/person, place or org/);
  });
});
