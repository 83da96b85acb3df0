// Files zhpipe writes (exports, reports, CSV, saved corpora, state) appear whole or not at all: the content
// goes to a temporary file beside the target and is renamed over it only on success, so a failed or
// interrupted run leaves the old file as it was (rename within one directory is atomic on POSIX).
import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import path from 'node:path';

/** The temporary sibling of `file`: hidden, unique per process and call, in the same directory (same filesystem). */
function tempPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** The mode a replaced file had, so replacing a file keeps who may read it. */
function modeOf(file: string): number | undefined {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error(`${file}: is a directory`), { code: 'EISDIR' });
    return stat.mode & 0o7777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Writes `data` to `file` atomically. */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  const mode = options.mode ?? modeOf(file);
  const tmp = tempPath(file);
  try {
    const fd = openSync(tmp, 'wx', mode ?? 0o666);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** A stream into a temporary file that becomes `file` on commit(), or vanishes on abort(). */
export interface AtomicStream {
  stream: WriteStream;
  commit(): Promise<void>;
  abort(): void;
}

/**
 * Opens a stream for an atomic write of `file`. Opening fails at once (ENOENT, EACCES, EISDIR) so the caller
 * can name a bad path before any work is done.
 */
export function openAtomic(file: string): AtomicStream {
  const mode = modeOf(file);
  const tmp = tempPath(file);
  const fd = openSync(tmp, 'wx', mode ?? 0o666);
  const stream = createWriteStream('', { fd, flush: true });
  let settled = false;
  return {
    stream,
    async commit() {
      if (settled) return;
      settled = true;
      try {
        stream.end();
        await finished(stream);
        renameSync(tmp, file);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
    },
    abort() {
      if (settled) return;
      settled = true;
      stream.destroy();
      rmSync(tmp, { force: true });
    },
  };
}
