// The CLI as a user runs it: real child processes, real files, the real test Meilisearch.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Meilisearch } from 'meilisearch';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_DOCUMENTS, meiliEnv, runCli, tempDir, uniqueIndexes, withoutProgress, writePipeline } from '../helpers.js';

describe('zhpipe CLI', () => {
  it('prints help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ingest/);
    expect(r.stdout).toMatch(/search/);
  });

  it('exits 2 on an unknown command', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
  });

  it('ingests and searches with --json output in the DESIGN.md shape', async () => {
    const dir = tempDir();
    const pipeline = writePipeline(dir, uniqueIndexes('cli'));
    const ingest = await runCli(['ingest', CORPUS, '--pipeline', pipeline, '--data-dir', dir], { env: meiliEnv() });
    expect(withoutProgress(ingest.stderr)).toBe('');
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(new RegExp(`indexed ${CORPUS_DOCUMENTS} document\\(s\\), \\d+ passage\\(s\\)`));
    const search = await runCli(['search', '充電樁', '--json', '--pipeline', pipeline], { env: meiliEnv() });
    expect(search.code).toBe(0);
    const response = JSON.parse(search.stdout);
    expect(response.query).toMatchObject({ text: '充電樁', simplified: '充电桩' });
    expect(response.total).toBeGreaterThan(0);
    expect(Object.keys(response.hits[0]).sort()).toEqual(
      expect.arrayContaining(['id', 'doc', 'start', 'end', 'text', 'highlight', 'person', 'place', 'org', 'figures']),
    );
  });

  it('reports a missing path and a binary file by name, indexes the rest, exits 2', async () => {
    const dir = tempDir();
    const pipeline = writePipeline(dir, uniqueIndexes('clibad'));
    const binary = path.join(dir, 'blob.bin');
    writeFileSync(binary, Buffer.from([1, 2, 0, 3]));
    const r = await runCli(
      ['ingest', path.join(CORPUS, '004_9c34a97e38f5307b.txt'), binary, path.join(dir, 'nope.txt'), '--pipeline', pipeline, '--data-dir', dir],
      { env: meiliEnv() },
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/indexed 1 document/);
    expect(r.stdout).toMatch(/blob\.bin: binary file/);
    expect(r.stdout).toMatch(/nope\.txt: no such file or directory/);
  });

  it('refuses an invalid pipeline file naming the field, exit 2', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'x', stages: ['read', 'teleport'] }));
    const r = await runCli(['ingest', '--pipeline', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: field "stages\.1"/);
  });

  it('refuses a pipeline file that is not JSON, exit 2', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "name": ');
    const r = await runCli(['ingest', '--pipeline', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.json/);
  });

  it('fails clearly within 10 s when MEILI_HOST does not answer, exit 1', async () => {
    const r = await runCli(['search', '长三角'], { env: { MEILI_HOST: 'http://127.0.0.1:9' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach Meilisearch at MEILI_HOST=http:\/\/127\.0\.0\.1:9/);
    expect(r.ms).toBeLessThan(12_000);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('fails clearly when the Meilisearch binary is missing, exit 1', async () => {
    const r = await runCli(['search', '长三角', '--data-dir', tempDir()], { env: { MEILI_BIN: '/nonexistent/meilisearch' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/MEILI_BIN=\/nonexistent\/meilisearch: no such file/);
  });

  it('starts, reports, refuses a second start, and stops the managed Meilisearch', async () => {
    const dataDir = tempDir();
    const start = await runCli(['meili', 'start', '--data-dir', dataDir]);
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(/running at http:\/\/127\.0\.0\.1:\d+/);
    try {
      const status = await runCli(['meili', 'status', '--json', '--data-dir', dataDir]);
      expect(JSON.parse(status.stdout)).toMatchObject({ running: true, healthy: true });
      const second = await runCli(['meili', 'start', '--data-dir', dataDir]);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/already running/);
      expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    } finally {
      const stop = await runCli(['meili', 'stop', '--data-dir', dataDir]);
      expect(stop.stdout).toMatch(/stopped/);
    }
    const after = await runCli(['meili', 'status', '--data-dir', dataDir]);
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(/not running/);
  });

  it('starts the managed Meilisearch indexing with half the cores, or with MEILI_MAX_INDEXING_THREADS when set', async () => {
    const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const threadsOf = (args: string[]) => args[args.indexOf('--max-indexing-threads') + 1];
    for (const [env, expected] of [
      [undefined, String(Math.max(1, Math.floor(availableParallelism() / 2)))],
      ['3', '3'],
    ] as const) {
      const dataDir = tempDir();
      const start = await runCli(['meili', 'start', '--data-dir', dataDir], { env: { MEILI_MAX_INDEXING_THREADS: env } });
      try {
        expect(start.stdout).toContain(`indexing with ${expected} thread(s)`);
        const status = await runCli(['meili', 'status', '--json', '--data-dir', dataDir]);
        const state = JSON.parse(status.stdout).state as { pid: number; indexingThreads: number };
        expect(state.indexingThreads).toBe(Number(expected));
        expect(threadsOf(cmdline(state.pid))).toBe(expected);
      } finally {
        await runCli(['meili', 'stop', '--data-dir', dataDir]);
      }
    }
    const bad = await runCli(['meili', 'start', '--data-dir', tempDir()], { env: { MEILI_MAX_INDEXING_THREADS: 'all' } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/MEILI_MAX_INDEXING_THREADS=all: not a whole number of threads/);
  });

  it('search starts the managed Meilisearch by itself when none runs, and says when nothing is indexed', async () => {
    const dataDir = tempDir();
    try {
      const r = await runCli(['search', '长三角', '--data-dir', dataDir]);
      expect(r.stderr).toMatch(/nothing indexed yet .*run `zhpipe ingest` first/);
      expect(r.code).toBe(1);
      const status = await runCli(['meili', 'status', '--json', '--data-dir', dataDir]);
      expect(JSON.parse(status.stdout)).toMatchObject({ running: true });
      // Searching used a search-only key (stored 0600), which cannot write.
      const keyFile = path.join(dataDir, 'search.key');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const host = JSON.parse(status.stdout).state.host as string;
      const readOnly = new Meilisearch({ host, apiKey: readFileSync(keyFile, 'utf8').trim() });
      await expect(readOnly.createIndex('nope')).rejects.toThrow();
      // A stored key the server no longer knows (a reset database) is replaced, not used.
      writeFileSync(keyFile, 'not-a-key-of-this-server-0123456789\n', { mode: 0o600 });
      const again = await runCli(['search', '长三角', '--data-dir', dataDir]);
      expect(again.stderr).toMatch(/nothing indexed yet/);
      expect(readFileSync(keyFile, 'utf8')).not.toContain('not-a-key');
    } finally {
      await runCli(['meili', 'stop', '--data-dir', dataDir]);
    }
  });

  it('reports an unreadable file by name (permissions)', async () => {
    if (process.getuid?.() === 0) return; // root reads everything; covered by the reason text in read()
    const dir = tempDir();
    const file = path.join(dir, 'secret.txt');
    writeFileSync(file, '内容');
    chmodSync(file, 0);
    const r = await runCli(['ingest', file, '--pipeline', writePipeline(dir, uniqueIndexes('perm'))], { env: meiliEnv() });
    expect(r.stdout).toMatch(/secret\.txt: permission denied/);
  });
});
