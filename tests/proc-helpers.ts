// Test helpers over real processes: which processes serve a Meilisearch database (read from /proc here, not
// through the code under test), and waiting on a condition with a bounded, named wait.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Pids of the live processes whose --db-path is `db` (zombies have no command line); with `meiliOnly` only
 * Meilisearch itself, not the shell that starts it.
 */
export function processesOn(db: string, meiliOnly = true): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const at = args.indexOf('--db-path');
    if (at >= 0 && args[at + 1] === db && (!meiliOnly || path.basename(args[0] ?? '').includes('meilisearch'))) pids.push(Number(entry));
  }
  return pids;
}

/** Polls `probe` every 50 ms until it gives a value; fails naming `what` after `ms`. */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
