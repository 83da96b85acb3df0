// Saved corpus definitions and the commands around them (corpus, export, targets), run in-process with the
// real command factories against the test Meilisearch.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { corpusCommand } from '../../src/cli/corpus.js';
import { exportCommand } from '../../src/cli/export.js';
import { renderTargets, targetsCommand } from '../../src/cli/targets.js';
import { InputError } from '../../src/errors.js';
import { deleteCorpus, listCorpora, loadCorpus, saveCorpus } from '../../src/workflows/corpora.js';
import { readExport } from '../../src/formats/export-file.js';
import { listTargets } from '../../src/workflows/targets.js';
import { ingestFixture, type Fixture } from '../server-fixture.js';
import { meiliEnv, tempDir, writePipeline } from '../helpers.js';

let fixture: Fixture;
let pipelineFile: string;
const dataDir = tempDir('zhpipe-corpus-');

beforeAll(async () => {
  fixture = await ingestFixture('corpus');
  pipelineFile = writePipeline(tempDir(), fixture.config.index);
  Object.assign(process.env, meiliEnv());
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a command as `zhpipe --data-dir D …` would, returning what it printed. */
async function run(command: Command, args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const root = new Command('zhpipe').option('--data-dir <dir>').exitOverride();
  root.addCommand(command);
  try {
    await root.parseAsync(['--data-dir', dataDir, ...args], { from: 'user' });
  } finally {
    vi.restoreAllMocks();
  }
  return out;
}

describe('saved corpus definitions', () => {
  it('saves, lists, loads and deletes', () => {
    const dir = tempDir();
    saveCorpus(dir, { name: 'charging', query: '充電樁', filter: ['has:target'] });
    saveCorpus(dir, { name: '长三角-2025', query: '', filter: ['year = 2025'] });
    expect(listCorpora(dir).map((c) => c.name)).toEqual(['charging', '长三角-2025']);
    expect(loadCorpus(dir, 'charging')).toMatchObject({ query: '充電樁', filter: ['has:target'] });
    expect(deleteCorpus(dir, 'charging')).toBe(true);
    expect(deleteCorpus(dir, 'charging')).toBe(false);
    expect(() => loadCorpus(dir, 'charging')).toThrow(/no saved corpus "charging"/);
  });

  it('refuses names that could escape the folder and filters that do not parse', () => {
    const dir = tempDir();
    expect(() => saveCorpus(dir, { name: '../etc', query: 'x', filter: [] })).toThrow(InputError);
    expect(() => saveCorpus(dir, { name: 'a b', query: 'x', filter: [] })).toThrow(/corpus name/);
    expect(() => saveCorpus(dir, { name: 'ok', query: 'x', filter: ['colour = red'] })).toThrow(/unknown field "colour"/);
    expect(existsSync(path.join(dir, 'corpora', 'ok.json'))).toBe(false);
  });

  it('runs a saved definition through the CLI into the same passages as a direct export', async () => {
    await run(corpusCommand(), ['corpus', 'save', 'charging', '--query', '充電樁', '--filter', 'has:target']);
    expect(await run(corpusCommand(), ['corpus', 'list'])).toMatch(/charging\s+充電樁\s+has:target/);
    const viaCorpus = path.join(dataDir, 'via-corpus.jsonl');
    const direct = path.join(dataDir, 'direct.jsonl');
    await run(corpusCommand(), ['corpus', 'run', 'charging', '--out', viaCorpus, '--pipeline', pipelineFile]);
    await run(exportCommand(), ['export', '--query', '充電樁', '--filter', 'has:target', '--out', direct, '--pipeline', pipelineFile]);
    const ids = async (file: string) => {
      const out: string[] = [];
      for await (const line of readExport(file)) out.push(line.id);
      return out.sort();
    };
    const fromCorpus = await ids(viaCorpus);
    expect(fromCorpus.length).toBeGreaterThan(0);
    expect(fromCorpus).toEqual(await ids(direct));
    await run(corpusCommand(), ['corpus', 'delete', 'charging']);
    await expect(run(corpusCommand(), ['corpus', 'delete', 'charging'])).rejects.toThrow(/no saved corpus/);
  });

  it('refuses an --out in a missing directory with one clear line', async () => {
    await expect(
      run(exportCommand(), ['export', '--query', 'x', '--out', path.join(dataDir, 'no', 'such', 'c.jsonl'), '--pipeline', pipelineFile]),
    ).rejects.toThrow(/--out .*c\.jsonl: no such directory/);
  });

  it('refuses an --out name without a known extension', async () => {
    await expect(run(exportCommand(), ['export', '--query', 'x', '--out', path.join(dataDir, 'corpus.txt'), '--pipeline', pipelineFile])).rejects.toThrow(
      /\.jsonl or \.csv/,
    );
  });
});

describe('zhpipe targets', () => {
  it('prints CSV with a BOM and only targets', async () => {
    const out = await run(targetsCommand(), ['targets', '--format', 'csv', '--pipeline', pipelineFile]);
    expect(out.startsWith('\uFEFFvalue,valueHi,unit,qualifier,kind,metric,period,status,place,org,doc,start,end,text,sentence,title,date,source,url\n')).toBe(
      true,
    );
    expect(out).toMatch(/\n70000,,个,gt,count,新建公共充电桩,全年,target,长三角,,corpus\//);
    expect(out).not.toContain('进出口总额占全国');
  });

  it('groups by metric in a table and filters by unit', async () => {
    const out = await run(targetsCommand(), ['targets', '--group-by', 'metric', '--filter', 'unit = 项', '--pipeline', pipelineFile]);
    expect(out).toContain('== metric: 长三角一卡通用居民服务事项 (1)');
    expect(out).not.toContain('新建公共充电桩');
  });

  it('prints JSONL rows with a group field', async () => {
    const rows = await listTargets(fixture.ws, {});
    const lines = renderTargets(rows, 'jsonl', 'place')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { group: string; status: string });
    expect(lines.length).toBe(rows.length);
    expect(lines.every((l) => l.status === 'target')).toBe(true);
    expect(lines.filter((l) => l.group === '长三角').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses an unknown --group-by or --format', async () => {
    await expect(run(targetsCommand(), ['targets', '--group-by', 'colour', '--pipeline', pipelineFile])).rejects.toThrow(
      /--group-by colour: expected one of metric, doc, place, period/,
    );
    await expect(run(targetsCommand(), ['targets', '--format', 'xlsx', '--pipeline', pipelineFile])).rejects.toThrow(/--format xlsx/);
  });
});
