// Which processes are the Meilisearch of a data directory, read from the process table (/proc), not from
// zhpipe's state file: a pid in a file may be stale, reused by an unrelated program, or missing after an
// interrupted start, while the command line of the running server names its database for certain.
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The arguments of a process (argv[0] first), or undefined when it is gone, a zombie, or unreadable. */
export function commandLine(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!raw) return undefined; // a zombie or a kernel thread
    return raw.replace(/\0$/, '').split('\0');
  } catch {
    return undefined;
  }
}

/** The value of `--flag VALUE` or `--flag=VALUE`. */
export function argValue(args: string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === flag) return args[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** The real path of `p`, or `p` itself when it does not exist (yet). */
function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function executableOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '');
  } catch {
    return undefined;
  }
}

export interface MeiliProcess {
  pid: number;
  args: string[];
  /** `--http-addr` as a URL (`http://127.0.0.1:PORT`), when given. */
  host?: string;
  executable: string;
}

/**
 * `pid` as the Meilisearch serving the database `dbPath`, or undefined when it is anything else: its executable
 * must be a Meilisearch (named so, or one of `binaries`) and its `--db-path` the same directory as `dbPath`.
 */
export function meiliProcess(pid: number, dbPath: string, binaries: string[] = []): MeiliProcess | undefined {
  const args = commandLine(pid);
  if (!args) return undefined;
  const executable = executableOf(pid) ?? args[0] ?? '';
  const known = new Set(binaries.map(real));
  const isMeili = [executable, args[0] ?? ''].some((file) => path.basename(file).includes('meilisearch') || known.has(real(file)));
  if (!isMeili) return undefined;
  const db = argValue(args, '--db-path');
  if (db === undefined) return undefined;
  // A relative --db-path is relative to the server's working directory.
  let cwd = '/';
  try {
    cwd = readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    // Unreadable: compare as given.
  }
  if (real(path.resolve(cwd, db)) !== real(dbPath)) return undefined;
  const addr = argValue(args, '--http-addr');
  return { pid, args, executable, ...(addr ? { host: `http://${addr}` } : {}) };
}

/** Every running Meilisearch whose database is `dbPath` (normally none or one). */
export function meiliProcessesFor(dbPath: string, binaries: string[] = []): MeiliProcess[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return []; // no /proc (not Linux): nothing can be verified, so nothing is found
  }
  const found: MeiliProcess[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const proc = meiliProcess(Number(entry), dbPath, binaries);
    if (proc) found.push(proc);
  }
  return found.sort((a, b) => a.pid - b.pid);
}

/** When the process started (from /proc/PID/stat and the boot time), for a server found without a state file. */
export function startedAt(pid: number): Date | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses); starttime is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // USER_HZ is 100 on every Linux architecture Meilisearch ships for.
    if (!Number.isFinite(ticks) || !Number.isFinite(boot)) return undefined;
    return new Date((boot + ticks / 100) * 1000);
  } catch {
    return undefined;
  }
}

/** A short, printable description of a process for messages: `sleep 300`. */
export function describeProcess(pid: number): string {
  const args = commandLine(pid);
  if (!args) return 'an unreadable process';
  const text = args.join(' ');
  const printable = text.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable;
}
