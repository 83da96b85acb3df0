// A pid lock file: one holder per file; a lock whose holder died is taken over. Used for the Meilisearch
// manager and for ingest, one per data directory.
//
// The lock file appears with its content in one step (written to a private temporary file, then hard-linked
// to the lock's name, which fails if the name exists), so a reader never sees an empty or half-written lock.
// Taking over a dead holder's lock happens under a second, short-lived lock (`<file>.break`) and re-reads the
// lock first, so two processes that both saw the dead holder cannot both remove it and both win.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RuntimeError } from './errors.js';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file with no readable pid (written by an older zhpipe, or a crash) counts as held for this long. */
const UNREADABLE_GRACE_MS = 10_000;
/** The `.break` lock is held for two file operations; one older than this was left by a crash. */
const BREAK_STALE_MS = 10_000;

/** Creates `file` holding `content`, atomically; false when it exists already. */
function createWith(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Blocks this thread for `ms` (lock taking is synchronous and short). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

type Holder = { pid: number } | 'dead' | 'gone';

/** Who holds `file` now: a live pid, nobody alive (`dead`), or no lock file at all (`gone`). */
function holderOf(file: string): Holder {
  let text: string;
  let age: number;
  try {
    text = readFileSync(file, 'utf8');
    age = Date.now() - statSync(file).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  const pid = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(pid) || pid <= 0) return age < UNREADABLE_GRACE_MS ? { pid: NaN } : 'dead';
  return pid !== process.pid && isAlive(pid) ? { pid } : 'dead';
}

/** The pid of the live process holding `file` (NaN for a lock just being written), else undefined. */
export function liveHolder(file: string): number | undefined {
  const holder = holderOf(file);
  return typeof holder === 'object' ? holder.pid : undefined;
}

/** Removes `file` if its holder is still dead, under the `.break` lock; false when someone else is breaking it. */
function breakDeadLock(file: string): boolean {
  const guard = `${file}.break`;
  if (!createWith(guard, String(process.pid))) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > BREAK_STALE_MS) rmSync(guard, { force: true });
    } catch {
      // Released meanwhile.
    }
    return false;
  }
  try {
    if (holderOf(file) === 'dead') rmSync(file, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/** Takes the lock or throws a RuntimeError saying who holds it (`busy(pid)` words the message). */
export function acquireLock(file: string, busy: (pid: number) => string): () => void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createWith(file, String(process.pid))) return () => rmSync(file, { force: true });
    const holder = holderOf(file);
    if (typeof holder === 'object') {
      throw new RuntimeError(Number.isNaN(holder.pid) ? `${file} was just taken by another process; try again in a moment` : busy(holder.pid));
    }
    // `gone`: released meanwhile; `dead`: break it, unless another process is breaking it (then let it finish).
    if (holder === 'dead' && !breakDeadLock(file)) pause(5 + attempt);
  }
  throw new RuntimeError(`cannot take the lock ${file}: it keeps changing hands`);
}

/** Runs `fn` holding the lock. */
export async function withLock<T>(file: string, busy: (pid: number) => string, fn: () => Promise<T>): Promise<T> {
  const release = acquireLock(file, busy);
  try {
    return await fn();
  } finally {
    release();
  }
}
