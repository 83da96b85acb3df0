// Time from starting `zhpipe serve` to the first search result on the bundled corpus, as a user sees it:
// the CLI is started as a child process (tsx start-up, Meilisearch connection included) and the API is
// polled until a search for 充電樁 returns a hit.
//   npx tsx tests/bench/serve.ts [--cold]
// The corpus is ingested first into a temporary data directory (not timed). --cold stops the managed
// Meilisearch before serving, so the time includes starting it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/bin/zhpipe.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-serve-'));
const env: NodeJS.ProcessEnv = { ...process.env, ZHPIPE_DATA_DIR: dataDir, MEILI_HOST: undefined, MEILI_MASTER_KEY: undefined };
const cold = process.argv.includes('--cold');
const RUNS = 3;

function zhpipe(args: string[]): void {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`zhpipe ${args.join(' ')} exited ${result.status}`);
}

async function firstResult(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/\S+?:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`zhpipe serve exited ${code}`)));
    });
    for (;;) {
      const res = await fetch(`${url}api/search?q=${encodeURIComponent('充電樁')}`).catch(() => undefined);
      if (res?.ok && ((await res.json()) as { hits: unknown[] }).hits.length > 0) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
  }
}

try {
  zhpipe(['ingest', 'corpus/']);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (cold) zhpipe(['meili', 'stop']);
    times.push(await firstResult());
  }
  times.sort((a, b) => a - b);
  console.log(
    `zhpipe serve → first search result (${cold ? 'cold: Meilisearch started too' : 'Meilisearch already running'}), ${RUNS} runs: median ${Math.round(times[1] ?? 0)} ms (min ${Math.round(times[0] ?? 0)}, max ${Math.round(times[RUNS - 1] ?? 0)})`,
  );
} finally {
  spawnSync(process.execPath, [BIN, 'meili', 'stop'], { cwd: ROOT, env, stdio: 'ignore' });
  rmSync(dataDir, { recursive: true, force: true });
}
