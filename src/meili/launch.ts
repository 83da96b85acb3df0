// Launching one Meilisearch process and seeing it through start-up: the start-up wrapper that gives the server
// its database lock, the wait until it answers, a clear reason when it does not, and a graceful stop when the
// start is interrupted.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { RuntimeError } from '../errors.js';
import { protocolOf } from './protocol.js';

const HEALTH_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** Exit status of the start-up wrapper when another process holds the database lock. */
const DB_LOCKED = 75;

/**
 * Meilisearch starts through /bin/sh, which sets a private umask (its database and files 0600/0700), opens the
 * database lock file as descriptor 9, takes an exclusive flock(1) on it, and then becomes Meilisearch: the lock
 * lives exactly as long as the server, whichever process started it, so a second server on the same database
 * cannot start even if zhpipe's process-table check missed the first.
 */
const WRAPPER = `umask 077; exec 9>>"$0" || exit 70; if command -v flock >/dev/null 2>&1; then flock -n 9 || exit ${DB_LOCKED}; fi; exec "$@"`;

/** True when `GET /health` answers "available" within `timeoutMs`. */
export function isHealthy(host: string, timeoutMs = 2000): Promise<boolean> {
  // node:http rather than fetch: loading fetch (undici) cost every CLI command some 40 ms before its first request.
  return new Promise((resolve) => {
    const url = new URL('/health', host);
    const req = protocolOf(url).get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('error', () => resolve(false));
      res.on('end', () => {
        try {
          resolve(res.statusCode === 200 && (JSON.parse(body) as { status?: string }).status === 'available');
        } catch {
          resolve(false);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

export interface LaunchOptions {
  binary: string;
  args: string[];
  host: string;
  /** The database lock file the server holds for its life. */
  dbLock: string;
  /** The database, for messages. */
  db: string;
  /** An open descriptor for the server's stdout and stderr. */
  logFd: number;
  logFile: string;
  cwd: string;
  detached: boolean;
  masterKey: string;
}

/** Why Meilisearch stopped during start-up, from the last error in its log, printable and without the key. */
function startupFailure(exit: string, options: LaunchOptions): string {
  if (exit === `code ${DB_LOCKED}`) {
    return `the database ${options.db} is locked by another process (normally a Meilisearch already serving it); stop that one before starting a new one`;
  }
  const lines = existsSync(options.logFile)
    ? readFileSync(options.logFile, 'utf8')
        .split('\n')
        .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim())
        .filter(Boolean)
    : [];
  const reason = lines.findLast((line) => /^Error:|\bERROR\b/.test(line)) ?? lines.slice(-3).join(' | ');
  const shown = reason
    .split(options.masterKey)
    .join('<master key>')
    .replace(/[\p{Cc}\p{Cf}]/gu, '?')
    .slice(0, 400);
  return `Meilisearch exited during start-up (${exit})${shown ? `: ${shown}` : ''} (log: ${options.logFile})`;
}

/** A Meilisearch process being started. */
export class Launch {
  readonly child: ChildProcess;
  private exit: string | undefined;
  private readonly ended: Promise<unknown>;

  constructor(private readonly options: LaunchOptions) {
    this.child = spawn('/bin/sh', ['-c', WRAPPER, options.dbLock, options.binary, ...options.args], {
      cwd: options.cwd,
      detached: options.detached,
      stdio: ['ignore', options.logFd, options.logFd],
      // The key goes through the environment, not argv, so `ps` does not show it.
      env: { ...process.env, MEILI_MASTER_KEY: options.masterKey },
    });
    this.ended = once(this.child, 'exit').catch(() => undefined);
    this.child.once('exit', (code, signal) => (this.exit = signal ? `signal ${signal}` : `code ${code}`));
    this.child.once('error', (err) => (this.exit = err.message));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Waits until the server answers; throws with the reason when it exits first or takes too long. */
  async healthy(): Promise<void> {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.exit !== undefined) throw new RuntimeError(startupFailure(this.exit, this.options));
      if (await isHealthy(this.options.host, 1000)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new RuntimeError(`Meilisearch did not become healthy at ${this.options.host} within ${HEALTH_TIMEOUT_MS / 1000} s (log: ${this.options.logFile})`);
  }

  /**
   * Stops the server without harming its database: a server killed while it creates a new database leaves one
   * it can never open again, so it first finishes starting (or exits), then gets SIGTERM, and SIGKILL only if
   * it does not stop within 10 s.
   */
  async stop(): Promise<void> {
    if (this.exit !== undefined) return;
    await this.healthy().catch(() => undefined);
    if (this.exit !== undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.ended;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.exit === undefined) this.child.kill('SIGKILL');
  }
}

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/**
 * While a start runs, SIGINT, SIGTERM and SIGHUP run `cleanup` (stop the server being started, let go of the
 * lock) and then end the process as the signal would have, unless another part of zhpipe handles the signal
 * too. Returns the function that removes the handlers.
 */
export function onInterrupt(cleanup: (signal: NodeJS.Signals) => Promise<void>): () => void {
  const signals = Object.keys(SIGNAL_NUMBERS) as Array<keyof typeof SIGNAL_NUMBERS>;
  const remove = () => {
    for (const s of signals) process.removeListener(s, handler);
  };
  const handler = (signal: keyof typeof SIGNAL_NUMBERS) => {
    // A second interrupt during the clean-up ends the process at once (Node's default).
    remove();
    const others = process.listenerCount(signal) > 0;
    void cleanup(signal).finally(() => {
      if (!others) process.exit(128 + SIGNAL_NUMBERS[signal]);
    });
  };
  for (const s of signals) process.on(s, handler);
  return remove;
}
