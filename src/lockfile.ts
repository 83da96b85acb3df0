// A pid lock file: one holder per file; a lock whose holder died is taken over. Used for the Meilisearch
// manager and for ingest, one per data directory.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Takes the lock or throws a RuntimeError saying who holds it (`busy(pid)` words the message). */
export function acquireLock(file: string, busy: (pid: number) => string): () => void {
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      closeSync(openSync(file, 'wx'));
      writeFileSync(file, String(process.pid));
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(holder) && holder !== process.pid && isAlive(holder)) throw new RuntimeError(busy(holder));
      rmSync(file, { force: true }); // its holder is gone
    }
  }
  throw new RuntimeError(`cannot take the lock ${file}`);
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
