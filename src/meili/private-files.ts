// The data directory holds keys, the database and a log of every request: only its owner may read it. The
// directory is 0700, every file zhpipe writes there 0600, and key files are never followed through a symbolic
// link (a link could point zhpipe's chmod, or a key read, at a file elsewhere).
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  chmodSync,
  writeFileSync,
} from 'node:fs';
import { RuntimeError } from '../errors.js';

/** What zhpipe keeps in a data directory (and their `.lock`/`.tmp` companions). */
const DATA_DIR_ENTRIES = [
  'master.key',
  'search.key',
  'meili-data',
  'meili.json',
  'meili.log',
  'meili.lock',
  'ingest.lock',
  'dumps',
  'snapshots',
  'checkpoints',
  'dictionary-snapshots',
  'corpora',
];
const ours = (name: string) => DATA_DIR_ENTRIES.some((entry) => name === entry || name.startsWith(`${entry}.`));

/**
 * Creates `dir` with mode 0700, or takes group and other access away from an existing data directory (older
 * zhpipe versions made it 0755). A directory that holds anything else (`--data-dir .` in a project) keeps its
 * mode: the files zhpipe puts there are private each.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = statSync(dir);
  if (!stat.isDirectory()) throw new RuntimeError(`${dir}: not a directory (the data directory must be one)`);
  if ((stat.mode & 0o077) === 0 || stat.uid !== process.getuid?.()) return;
  if (readdirSync(dir).every(ours)) chmodSync(dir, 0o700);
}

/** Writes `file` (mode 0600) by a rename of a complete temporary file, so no reader sees it half-written. */
export function writePrivateFile(file: string, content: string): void {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Opens `file` for appending with mode 0600, fixing the mode of an existing file; returns the descriptor. */
export function openPrivateAppend(file: string): number {
  const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  if ((fstatSync(fd).mode & 0o777) !== 0o600) fchmodSync(fd, 0o600);
  return fd;
}

/**
 * The bytes of a key file, or undefined when there is none. A symbolic link or anything but a regular file is
 * refused; a readable mode is narrowed to 0600 on the file itself (through its descriptor, never a link).
 */
export function readKeyFile(file: string): Buffer | undefined {
  let kind;
  try {
    kind = lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (kind.isSymbolicLink()) {
    throw new RuntimeError(`${file} is a symbolic link; zhpipe refuses it (keys stay in the data directory): replace it with the key itself`);
  }
  if (!kind.isFile()) throw new RuntimeError(`${file} is not a regular file; zhpipe refuses it as a key file`);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new RuntimeError(`${file} is a symbolic link; zhpipe refuses it`);
    throw err;
  }
  try {
    if ((fstatSync(fd).mode & 0o777) !== 0o600) fchmodSync(fd, 0o600);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
