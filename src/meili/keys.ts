// The master key of the managed Meilisearch: generated on first use, stored in DATA_DIR/master.key (0600).
// A key the user wrote is checked before Meilisearch sees it, and no message ever prints it.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RuntimeError } from '../errors.js';
import { ensurePrivateDir, readKeyFile } from './private-files.js';

/** Meilisearch refuses a shorter master key in production. */
export const MIN_MASTER_KEY_BYTES = 16;

/** What is wrong with a master key's bytes (never the key itself), or undefined when it is usable. */
export function masterKeyProblem(bytes: Buffer): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).trim();
  } catch {
    return 'is not UTF-8 text (binary data?)';
  }
  if (!text) return 'is empty';
  // Control characters cannot go through the environment (NUL) or would garble a terminal.
  if (/\p{Cc}/u.test(text)) return 'contains control characters';
  const size = Buffer.byteLength(text);
  if (size < MIN_MASTER_KEY_BYTES) return `is ${size} byte(s) long; Meilisearch needs at least ${MIN_MASTER_KEY_BYTES}`;
  return undefined;
}

/** The master key of a data directory, generated on first use and stored with mode 0600. */
export function masterKey(dataDir: string): string {
  const file = path.join(dataDir, 'master.key');
  ensurePrivateDir(dataDir);
  const bytes = readKeyFile(file);
  if (bytes) {
    const problem = masterKeyProblem(bytes);
    if (problem) {
      throw new RuntimeError(
        `${file} ${problem}: write a key of ${MIN_MASTER_KEY_BYTES} or more printable characters there, or delete the file and zhpipe makes a new one`,
      );
    }
    return bytes.toString('utf8').trim();
  }
  const generated = randomBytes(24).toString('base64url');
  writeFileSync(file, generated + '\n', { mode: 0o600, flag: 'wx' });
  return generated;
}
