// Crash and outage scenarios with real processes: kill -9 during ingest, Meilisearch going away mid-ingest,
// two ingests on one data directory, and a directory of bad input. Bounded in time.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Meilisearch } from 'meilisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/meili/server.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { CORPUS, meiliEnv, ROOT, runCli, tempDir, testClient, uniqueIndexes, withoutProgress, writePipeline } from '../helpers.js';

const BIN = path.join(ROOT, 'src/bin/zhpipe.js');
const FILES = 40;

/** A corpus of distinct documents: the seeds with their numbers varied. */
function makeCorpus(dir: string): string {
  const out = path.join(dir, 'corpus');
  mkdirSync(out);
  const seeds = readdirSync(CORPUS).map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));
  for (let i = 0; i < FILES; i++) {
    const text = (seeds[i % seeds.length] ?? '').replace(/[0-9]+/g, (d) => String(Number(d) + i));
    writeFileSync(path.join(out, `doc-${String(i).padStart(3, '0')}.txt`), text);
  }
  return out;
}

function startIngest(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [BIN, 'ingest', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function checkpointLines(dataDir: string): number {
  const dir = path.join(dataDir, 'checkpoints');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((n, f) => n + readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).length, 0);
}

// Generous bounds: on a busy 2-core machine (load 7-11) an ingest of the test corpus takes minutes, not
// seconds; every wait is for an event (a file, a line, an exit) and only bounded for safety.
const WAIT_MS = 240_000;
const RUN_MS = 300_000;

/** Waits until `condition` holds; fails with `what` if `child` exits first or the bound passes. */
async function waitFor(what: string, condition: () => boolean, child?: ChildProcess, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (child && child.exitCode !== null) throw new Error(`the ingest exited (code ${child.exitCode}) before ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** The JSON summary of a finished CLI run, or a failure that shows what the run said instead. */
function summaryOf(r: { code: number; stdout: string; stderr: string; ms: number }): { unchanged: number; sent: number; passages: number } {
  if (r.code !== 0)
    throw new Error(
      `ingest exited ${r.code} after ${(r.ms / 1000).toFixed(1)} s${r.code === -1 ? ' (killed at the time limit)' : ''}: ${r.stderr.slice(-500)}`,
    );
  return JSON.parse(r.stdout) as { unchanged: number; sent: number; passages: number };
}

describe('reliability', { timeout: 2 * RUN_MS }, () => {
  let corpus: string;
  let expectedPassages: number;
  beforeAll(async () => {
    corpus = makeCorpus(tempDir());
    // The reference: the same files ingested without interruption.
    const indexes = uniqueIndexes('reference');
    const config = PipelineConfig.parse({
      name: 'ref',
      stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
      dictionaries: path.join(ROOT, 'dictionaries'),
      index: indexes,
    });
    expectedPassages = (await ingest(testClient(), [corpus], config)).passages;
  }, RUN_MS);

  it('completes after kill -9 mid-ingest, without duplicates and without re-sending acknowledged documents', async () => {
    const dir = tempDir();
    const indexes = uniqueIndexes('kill');
    const pipeline = writePipeline(dir, indexes, { index: { ...indexes, batchSize: 50, concurrency: 1 } });
    const dataDir = path.join(dir, 'data');
    const child = startIngest([corpus, '--pipeline', pipeline, '--data-dir', dataDir, '--workers', '1'], meiliEnv());
    const done = exited(child);
    await waitFor('3 documents checkpointed', () => checkpointLines(dataDir) >= 3, child);
    child.kill('SIGKILL');
    await done;
    const acknowledged = checkpointLines(dataDir);
    expect(acknowledged).toBeLessThan(FILES);

    const rerun = await runCli(['ingest', corpus, '--pipeline', pipeline, '--data-dir', dataDir, '--json'], { env: meiliEnv(), timeoutMs: RUN_MS });
    const summary = summaryOf(rerun);
    expect(summary.unchanged).toBeGreaterThanOrEqual(acknowledged);
    expect(summary.sent).toBe(FILES - summary.unchanged);
    expect(summary.passages).toBe(expectedPassages);
    const stats = await testClient().index(indexes.passages).getStats();
    expect(stats.numberOfDocuments).toBe(expectedPassages);
  });

  it('names what was and was not indexed when Meilisearch goes away, and a re-run completes', async () => {
    const dir = tempDir();
    const serverDir = path.join(dir, 'meili');
    let server = await startServer(serverDir, { detached: false });
    try {
      const indexes = uniqueIndexes('outage');
      const pipeline = writePipeline(dir, indexes, { index: { ...indexes, batchSize: 50, concurrency: 1 } });
      const dataDir = path.join(dir, 'data');
      const env = { MEILI_HOST: server.host, MEILI_MASTER_KEY: server.apiKey };
      const child = startIngest([corpus, '--pipeline', pipeline, '--data-dir', dataDir, '--workers', '1'], env);
      const done = exited(child);
      await waitFor('2 documents checkpointed', () => checkpointLines(dataDir) >= 2, child);
      await server.stop();
      const result = await done;
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/document\(s\) are indexed and checkpointed; not indexed: /);
      expect(result.stderr).toMatch(/Run the same ingest again to complete it/);

      server = await startServer(serverDir, { detached: false });
      const rerun = await runCli(['ingest', corpus, '--pipeline', pipeline, '--data-dir', dataDir, '--json'], {
        env: { MEILI_HOST: server.host, MEILI_MASTER_KEY: server.apiKey },
        timeoutMs: RUN_MS,
      });
      expect(summaryOf(rerun).passages).toBe(expectedPassages);
      expect(withoutProgress(rerun.stderr)).toBe('');
      const stats = await new Meilisearch({ host: server.host, apiKey: server.apiKey }).index(indexes.passages).getStats();
      expect(stats.numberOfDocuments).toBe(expectedPassages);
    } finally {
      await server.stop();
    }
  });

  it('on Ctrl-C (SIGINT) says in one line what is indexed and checkpointed, releases the lock, exits 130', async () => {
    const dir = tempDir();
    const indexes = uniqueIndexes('sigint');
    const pipeline = writePipeline(dir, indexes, { index: { ...indexes, batchSize: 50, concurrency: 1 } });
    const dataDir = path.join(dir, 'data');
    const child = startIngest([corpus, '--pipeline', pipeline, '--data-dir', dataDir, '--workers', '1'], meiliEnv());
    const done = exited(child);
    await waitFor('2 documents checkpointed', () => checkpointLines(dataDir) >= 2, child);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code, result.stderr).toBe(130);
    const lines = withoutProgress(result.stderr).trim().split('\n');
    expect(lines).toHaveLength(1);
    const m = /^zhpipe: interrupted: (\d+) document\(s\) are indexed and checkpointed \((\d+) sent this run, 0 unchanged\).*Run the same ingest again/.exec(
      lines[0] ?? '',
    );
    expect(m, lines[0]).not.toBeNull();
    // The count it names is what the checkpoint holds, and the lock is gone.
    expect(Number(m?.[1])).toBe(checkpointLines(dataDir));
    expect(Number(m?.[1])).toBeLessThan(FILES);
    expect(existsSync(path.join(dataDir, 'ingest.lock'))).toBe(false);
    // A re-run is not refused and completes the rest.
    const rerun = summaryOf(await runCli(['ingest', corpus, '--pipeline', pipeline, '--data-dir', dataDir, '--json'], { env: meiliEnv(), timeoutMs: RUN_MS }));
    expect(rerun.unchanged).toBe(Number(m?.[1]));
    expect(rerun.passages).toBe(expectedPassages);
  });

  it('refuses a second ingest on the same data directory, naming the first', async () => {
    const dir = tempDir();
    const pipeline = writePipeline(dir, uniqueIndexes('twice'));
    const dataDir = path.join(dir, 'data');
    const first = startIngest([corpus, '--pipeline', pipeline, '--data-dir', dataDir, '--workers', '1'], meiliEnv());
    const firstDone = exited(first);
    await waitFor('the ingest lock', () => existsSync(path.join(dataDir, 'ingest.lock')), first);
    const second = await runCli(['ingest', CORPUS, '--pipeline', pipeline, '--data-dir', dataDir], { env: meiliEnv(), timeoutMs: RUN_MS });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`another ingest \\(pid ${first.pid}\\) is running`));
    expect((await firstDone).code).toBe(0);
  });

  it('indexes every good file of a bad mix and reports each bad one, also in --report', async () => {
    const dir = tempDir();
    const mix = path.join(dir, 'mix');
    mkdirSync(mix);
    writeFileSync(path.join(mix, 'utf8.txt'), readFileSync(path.join(CORPUS, '004_9c34a97e38f5307b.txt')));
    writeFileSync(path.join(mix, 'gb.txt'), iconv.encode('长三角一体化发展高层论坛在上海举行。全年新建公共充电桩超7万个。', 'gb18030'));
    writeFileSync(path.join(mix, 'big5.txt'), iconv.encode('長三角一體化發展高層論壇在上海舉行。全年新建公共充電樁超7萬個。', 'big5'));
    writeFileSync(path.join(mix, 'empty.txt'), '');
    writeFileSync(path.join(mix, 'binary.dat'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]));
    // A 200 MB single-line file: refused by size before it is read into memory.
    writeFileSync(path.join(mix, 'huge.txt'), Buffer.alloc(200 * 1024 * 1024, 0x61));
    writeFileSync(path.join(mix, 'locked.txt'), '长三角一体化发展高层论坛在上海举行。', { mode: 0o000 });
    const report = path.join(dir, 'report.json');
    const pipeline = writePipeline(dir, uniqueIndexes('mix'));
    // Root reads any file: as root, run zhpipe as an ordinary user (nobody) so the locked file stays locked.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(dir, 0o777);
    const r = await runCli(['ingest', mix, '--pipeline', pipeline, '--data-dir', path.join(dir, 'data'), '--report', report], {
      env: meiliEnv(),
      timeoutMs: RUN_MS,
      ...(asRoot ? { user: { uid: 65534, gid: 65534 } } : {}),
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/indexed 3 document\(s\)/);
    const files = JSON.parse(readFileSync(report, 'utf8')).files as Array<{ file: string; status: string; reason?: string }>;
    const byName = Object.fromEntries(files.map((f) => [path.basename(f.file), f]));
    expect(byName['utf8.txt']?.status).toBe('indexed');
    expect(byName['gb.txt']?.status).toBe('indexed');
    expect(byName['big5.txt']?.status).toBe('indexed');
    expect(byName['empty.txt']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/empty/) });
    expect(byName['binary.dat']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/binary/) });
    expect(byName['huge.txt']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/too large \(200\.0 MB/) });
    expect(byName['locked.txt']).toMatchObject({ status: 'skipped', reason: 'permission denied' });
  });
});
