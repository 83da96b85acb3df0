// The managed Meilisearch under attack and carelessness (issue 17), with real servers, real processes and real
// files: no key in any readable place, no unrelated process signalled, never two servers on one database,
// bad or linked key files refused without printing them, and no stray folder in the working directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, uniqueIndexes, writePipeline } from '../helpers.js';
import { processesOn, until } from '../proc-helpers.js';

const BIN = path.join(ROOT, 'src/bin/zhpipe.js');

const meiliPids = (db: string) => processesOn(db, true);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every Meilisearch left on these databases is killed, whatever a test did. */
const databases: string[] = [];
function newDataDir(): { dataDir: string; db: string } {
  const dataDir = path.join(tempDir('zhpipe-harden-'), 'data');
  const db = path.join(dataDir, 'meili-data');
  databases.push(db);
  return { dataDir, db };
}
afterAll(() => {
  for (const db of databases) for (const pid of meiliPids(db)) process.kill(pid, 'SIGKILL');
});

/** All files under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the data directory after a managed start and searches (item 1, 16)', () => {
  let cwd: string;
  let dataDir: string;
  let pipeline: string;
  beforeAll(async () => {
    ({ dataDir } = newDataDir());
    cwd = path.dirname(dataDir);
    pipeline = writePipeline(cwd, uniqueIndexes('harden'));
    const start = await runCli(['meili', 'start', '--data-dir', dataDir], { cwd });
    expect(start.code, start.stderr).toBe(0);
    // The first search creates the search key, the second checks the stored one against the server.
    for (let i = 0; i < 2; i++) {
      const search = await runCli(['search', '长三角', '--pipeline', pipeline, '--data-dir', dataDir], { cwd });
      expect(search.stderr).toMatch(/nothing indexed yet/);
    }
  });
  afterAll(async () => {
    await runCli(['meili', 'stop', '--data-dir', dataDir], { cwd });
  });

  it('holds no key in any file but the key files (not in meili.log, whose requests it records)', () => {
    const keys = ['master.key', 'search.key'].map((name) => readFileSync(path.join(dataDir, name), 'utf8').trim());
    expect(keys.every((k) => k.length >= 16)).toBe(true);
    expect(readFileSync(path.join(dataDir, 'meili.log'), 'utf8')).toMatch(/GET|POST/); // the log does record requests
    for (const file of filesUnder(dataDir)) {
      if (['master.key', 'search.key'].includes(path.basename(file))) continue;
      const content = readFileSync(file);
      for (const key of keys) expect(content.includes(key), `${file} holds a key`).toBe(false);
    }
  });

  it('is mode 0700, with every file in it 0600 and nothing open to group or others', () => {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const name of ['master.key', 'search.key', 'meili.json', 'meili.log', 'meili-data.lock']) {
      expect(statSync(path.join(dataDir, name)).mode & 0o777, name).toBe(0o600);
    }
    for (const file of filesUnder(dataDir)) expect(statSync(file).mode & 0o077, file).toBe(0);
  });

  it('leaves no dumps/ or snapshots/ in the working directory: Meilisearch keeps them in the data directory', () => {
    expect(readdirSync(cwd).sort()).toEqual(['data', 'pipeline.json']);
    const status = JSON.parse(readFileSync(path.join(dataDir, 'meili.json'), 'utf8')) as { pid: number };
    const args = readFileSync(`/proc/${status.pid}/cmdline`, 'utf8').split('\0');
    expect(args[args.indexOf('--dump-dir') + 1]).toBe(path.join(dataDir, 'dumps'));
    expect(args[args.indexOf('--snapshot-dir') + 1]).toBe(path.join(dataDir, 'snapshots'));
  });

  it('refuses a search.key that is a symbolic link, and leaves its target alone (item 15)', async () => {
    const target = path.join(cwd, 'elsewhere.key');
    writeFileSync(target, readFileSync(path.join(dataDir, 'search.key')));
    chmodSync(target, 0o644);
    const link = path.join(dataDir, 'search.key');
    rmSync(link);
    symlinkSync(target, link);
    const r = await runCli(['search', '长三角', '--pipeline', pipeline, '--data-dir', dataDir], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/search\.key is a symbolic link; zhpipe refuses it/);
    expect(statSync(target).mode & 0o777).toBe(0o644);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe('a data directory left by an older zhpipe (item 1)', () => {
  it('is narrowed to 0700 with its log and key 0600 at the next start; a directory holding other things keeps its mode', async () => {
    const { dataDir } = newDataDir();
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'master.key'), 'an-older-zhpipe-master-key-0123\n', { mode: 0o644 });
    writeFileSync(path.join(dataDir, 'meili.log'), 'GET /keys/an-old-line\n', { mode: 0o644 });
    await startedModes(dataDir, 0o700);
    const project = tempDir('zhpipe-project-');
    chmodSync(project, 0o755);
    writeFileSync(path.join(project, 'notes.txt'), "not zhpipe's");
    databases.push(path.join(project, 'meili-data'));
    await startedModes(project, 0o755);
  });
});

/** Starts the server of `dir`, checks the mode of `dir` and of zhpipe's files in it, and stops it. */
async function startedModes(dir: string, dirMode: number): Promise<void> {
  const start = await runCli(['meili', 'start', '--data-dir', dir]);
  try {
    expect(start.code, start.stderr).toBe(0);
    expect(statSync(dir).mode & 0o777).toBe(dirMode);
    for (const name of ['master.key', 'meili.log', 'meili.json']) expect(statSync(path.join(dir, name)).mode & 0o777, name).toBe(0o600);
  } finally {
    await runCli(['meili', 'stop', '--data-dir', dir]);
  }
}

describe("meili stop signals only the data directory's Meilisearch (item 2)", () => {
  let sleeper: ChildProcess;
  beforeAll(() => {
    sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });
  });
  afterAll(() => {
    sleeper.kill('SIGKILL');
  });

  const fakeState = (pid: number) =>
    JSON.stringify({ pid, host: 'http://127.0.0.1:9', port: 9, binary: '/usr/bin/sleep', startedAt: new Date().toISOString() });

  it('leaves alone an unrelated process whose pid is in meili.json, and says so', async () => {
    const { dataDir } = newDataDir();
    mkdirSync(dataDir, { recursive: true });
    const pid = sleeper.pid ?? 0;
    writeFileSync(path.join(dataDir, 'meili.json'), fakeState(pid));
    const stop = await runCli(['meili', 'stop', '--data-dir', dataDir]);
    expect(stop.code).toBe(0);
    expect(stop.stderr).toContain(`meili.json names pid ${pid}, which is not this data directory's Meilisearch (it runs: sleep 300); left it alone`);
    expect(stop.stdout).toMatch(/was not running/);
    expect(alive(pid)).toBe(true);
    expect(sleeper.exitCode).toBe(null);
  });

  it('stops the real server of the data directory even when meili.json names another process', async () => {
    const { dataDir, db } = newDataDir();
    const start = await runCli(['meili', 'start', '--data-dir', dataDir]);
    expect(start.code, start.stderr).toBe(0);
    expect(meiliPids(db)).toHaveLength(1);
    const pid = sleeper.pid ?? 0;
    writeFileSync(path.join(dataDir, 'meili.json'), fakeState(pid));
    const stop = await runCli(['meili', 'stop', '--data-dir', dataDir]);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toMatch(/Meilisearch stopped/);
    expect(stop.stderr).toContain(`names pid ${pid}, which is not this data directory's Meilisearch`);
    expect(meiliPids(db)).toEqual([]);
    expect(alive(pid)).toBe(true);
  });
});

describe('never two Meilisearch on one database (item 3)', () => {
  it('an interrupted `meili start` (SIGINT once its server process exists) leaves at most one server after the next start', async () => {
    const { dataDir, db } = newDataDir();
    const cli = spawn(process.execPath, [BIN, 'meili', 'start', '--data-dir', dataDir], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, MEILI_HOST: undefined },
    });
    const exited = once(cli, 'exit');
    // The event: a process with this --db-path exists (the start-up shell or Meilisearch itself).
    await until(() => (processesOn(db, false).length > 0 ? true : undefined), 'the server process of `meili start`');
    cli.kill('SIGINT');
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(meiliPids(db), 'the interrupted start stopped its server').toEqual([]);
    const again = await runCli(['meili', 'start', '--data-dir', dataDir]);
    try {
      expect(again.code, again.stderr).toBe(0);
      expect(meiliPids(db)).toHaveLength(1);
    } finally {
      await runCli(['meili', 'stop', '--data-dir', dataDir]);
    }
    expect(meiliPids(db)).toEqual([]);
  });

  it('finds the running server from the process table when meili.json is garbage, and starts no second one', async () => {
    const { dataDir, db } = newDataDir();
    const start = await runCli(['meili', 'start', '--data-dir', dataDir]);
    expect(start.code, start.stderr).toBe(0);
    try {
      const [pid] = meiliPids(db);
      writeFileSync(path.join(dataDir, 'meili.json'), '{ garbage');
      const second = await runCli(['meili', 'start', '--data-dir', dataDir]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`already running (pid ${pid}`);
      const status = await runCli(['meili', 'status', '--json', '--data-dir', dataDir]);
      expect(JSON.parse(status.stdout)).toMatchObject({ running: true, healthy: true, state: { pid } });
      expect(meiliPids(db)).toEqual([pid]);
    } finally {
      const stop = await runCli(['meili', 'stop', '--data-dir', dataDir]);
      expect(stop.stdout).toMatch(/Meilisearch stopped/);
    }
    expect(meiliPids(db)).toEqual([]);
  });

  it('a database whose lock another process holds is not opened by a second server', async () => {
    const { dataDir, db } = newDataDir();
    mkdirSync(dataDir, { recursive: true });
    // A holder that is no Meilisearch at all, so only the lock (not the process table) can stop the start.
    // One process (the shell becomes sleep) that holds the flock, so killing it ends the lock too.
    const holder = spawn('sh', ['-c', 'exec 9>>"$0"; flock 9; exec sleep 300', path.join(dataDir, 'meili-data.lock')], { stdio: 'ignore' });
    try {
      const locked = () =>
        readFileSync('/proc/locks', 'utf8').includes(`:${statSync(path.join(dataDir, 'meili-data.lock'), { throwIfNoEntry: false })?.ino ?? 'none'} `);
      await until(() => (locked() ? true : undefined), 'the flock on meili-data.lock');
      const start = await runCli(['meili', 'start', '--data-dir', dataDir]);
      expect(start.code).toBe(1);
      expect(start.stderr).toMatch(/meili-data is locked by another process/);
      expect(meiliPids(db)).toEqual([]);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('master.key problems are named without printing the key (item 15)', () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['empty', Buffer.from('\n'), /master\.key is empty/],
    [
      'binary',
      Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x9c, 0x80, 0x1b, 0x5b, 0x32, 0x4a, 0xc3, 0x28, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46]),
      /master\.key is not UTF-8 text/,
    ],
    ['with control characters', Buffer.from('abcdefghijklmnop\x1b]52;c;SGVsbG8=\x07'), /master\.key contains control characters/],
    ['short', Buffer.from('short-key\n'), /master\.key is 9 byte\(s\) long; Meilisearch needs at least 16/],
  ];
  for (const [name, bytes, message] of cases) {
    it(`refuses a ${name} key with one clear line and starts nothing`, async () => {
      const { dataDir, db } = newDataDir();
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(path.join(dataDir, 'master.key'), bytes, { mode: 0o600 });
      const r = await runCli(['meili', 'start', '--data-dir', dataDir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/libc|Meilisearch exited/);
      const key = bytes.toString('latin1').trim();
      if (key) expect(r.stderr).not.toContain(key);
      expect(r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      expect(meiliPids(db)).toEqual([]);
    });
  }

  it('refuses a master.key that is a symbolic link and never chmods its target', async () => {
    const { dataDir, db } = newDataDir();
    mkdirSync(dataDir, { recursive: true });
    const target = path.join(path.dirname(dataDir), 'shared-secret');
    writeFileSync(target, 'a-perfectly-good-master-key-1234\n');
    chmodSync(target, 0o644);
    symlinkSync(target, path.join(dataDir, 'master.key'));
    const r = await runCli(['meili', 'start', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/master\.key is a symbolic link; zhpipe refuses it/);
    expect(r.stderr).not.toContain('a-perfectly-good-master-key');
    expect(statSync(target).mode & 0o777).toBe(0o644);
    expect(existsSync(path.join(dataDir, 'meili.json'))).toBe(false);
    expect(meiliPids(db)).toEqual([]);
  });
});
