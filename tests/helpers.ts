// Shared test helpers: temporary directories, unique index names, and running the real CLI.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { inject } from 'vitest';
import { PipelineConfig } from '../src/pipeline/config.js';
import { readRows } from '../src/stages/read/rows.js';
import type { Proximity } from '../src/schema.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CORPUS = path.join(ROOT, 'corpus');
/** Documents of the bundled corpus: each text file is one, each line of its JSONL sample another. */
export const CORPUS_DOCUMENTS = readdirSync(CORPUS).reduce(
  (n, f) =>
    n +
    (f.endsWith('.jsonl')
      ? readFileSync(path.join(CORPUS, f), 'utf8')
          .split('\n')
          .filter((l) => l.trim()).length
      : 1),
  0,
);

/** The text of a bundled document as ingest read it (offsets point into it): a file, or one JSONL row (`file#line`). */
export function bundledOriginal(doc: string): string {
  const [file = '', line] = doc.split('#');
  const bytes = readFileSync(path.join(ROOT, file));
  if (line === undefined) return bytes.toString('utf8');
  const row = readRows(file, bytes, 'jsonl').docs.find((d) => d.line === Number(line));
  if (!row) throw new Error(`${doc}: no such row`);
  return row.source.original;
}
const BIN = path.join(ROOT, 'src/bin/zhpipe.js');

export function tempDir(prefix = 'zhpipe-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A unique pair of index names, so test files never share an index. */
export function uniqueIndexes(label: string): { passages: string; figures: string } {
  const suffix = `${label}_${process.pid}_${Date.now().toString(36)}`;
  return { passages: `passages_${suffix}`, figures: `figures_${suffix}` };
}

/** Writes a pipeline file using the given index names; returns its path. */
export function writePipeline(dir: string, indexes: { passages: string; figures: string }, extra: Record<string, unknown> = {}): string {
  const file = path.join(dir, 'pipeline.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'test',
      stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
      dictionaries: path.join(ROOT, 'dictionaries'),
      index: { ...indexes, batchSize: 100, concurrency: 2 },
      ...extra,
    }),
  );
  return file;
}

export function testClient(): Meilisearch {
  const { host, apiKey } = inject('meili');
  return new Meilisearch({ host, apiKey });
}

/** Environment pointing the CLI at the test server. */
export function meiliEnv(): Record<string, string> {
  const { host, apiKey } = inject('meili');
  return { MEILI_HOST: host, MEILI_MASTER_KEY: apiKey };
}

/** stderr without ingest's progress lines (a run that takes longer than `--progress` seconds prints them). */
export function withoutProgress(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !line.startsWith('ingest progress: '))
    .join('\n');
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `zhpipe …` as a child process, as a user would. */
export function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number; user?: { uid: number; gid: number } } = {},
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ZHPIPE_DATA_DIR: undefined, MEILI_HOST: undefined, MEILI_MASTER_KEY: undefined, ...options.env };
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], ...options.user });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The full pipeline over the repository's dictionaries, into the given (unique) indexes. */
export function testConfig(
  indexes: { passages: string; figures: string },
  index: { batchSize?: number; concurrency?: number; proximity?: Proximity } = {},
): PipelineConfig {
  return PipelineConfig.parse({
    name: 'test',
    stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
    dictionaries: path.join(ROOT, 'dictionaries'),
    index: { ...indexes, ...index },
  });
}
