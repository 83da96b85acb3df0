// The pid lock file (src/lockfile.ts) between real processes: two processes taking the same lock at the same
// moment, on a free lock and on a lock left by a dead process, must never both win; a lock file another
// process has just created is not taken over as if its holder were dead.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/lockfile.js';
import { ROOT, tempDir } from '../helpers.js';

// A racer: on `go FILE AT` it waits until the clock reads AT (so both racers start within a fraction of a
// millisecond), tries the lock and answers `won` or `busy`; on `release` it lets go of what it holds.
const RACER = `
import { createInterface } from 'node:readline';
import { acquireLock } from ${JSON.stringify(path.join(ROOT, 'src/lockfile.ts'))};
let release;
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\\n');
for await (const line of lines) {
  const [command, file, at] = line.split(' ');
  if (command === 'go') {
    while (performance.timeOrigin + performance.now() < Number(at)) {}
    try {
      release = acquireLock(file, (pid) => 'held by ' + pid);
      process.stdout.write('won\\n');
    } catch (err) {
      process.stdout.write('busy ' + err.message + '\\n');
    }
  } else if (command === 'release') {
    release?.();
    release = undefined;
    process.stdout.write('released\\n');
  }
}
`;

interface Racer {
  child: ChildProcessWithoutNullStreams;
  next(): Promise<string>;
}

function startRacer(script: string): Racer {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    next: async () => {
      const line = await lines.next();
      if (line.done) throw new Error(`racer ${child.pid} ended: ${stderr}`);
      return line.value;
    },
  };
}

const TRIALS = 20;
let racers: Racer[] = [];
let dir: string;

beforeAll(async () => {
  dir = tempDir('zhpipe-lock-');
  const script = path.join(dir, 'racer.mjs');
  writeFileSync(script, RACER);
  racers = [startRacer(script), startRacer(script)];
  for (const racer of racers) expect(await racer.next()).toBe('ready');
});

afterAll(async () => {
  for (const { child } of racers) {
    child.stdin.end();
    if (child.exitCode === null) await once(child, 'exit');
  }
});

/** Both racers try `file` at the same instant; returns their answers. */
async function race(file: string): Promise<string[]> {
  const at = Date.now() + 100;
  for (const { child } of racers) child.stdin.write(`go ${file} ${at}\n`);
  const answers = await Promise.all(racers.map((r) => r.next()));
  for (const { child } of racers) child.stdin.write('release\n');
  for (const r of racers) expect(await r.next()).toBe('released');
  return answers;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await once(child, 'exit');
  return child.pid ?? 0;
}

describe('acquireLock between processes', () => {
  it(`gives a free lock to exactly one of two processes taking it together (${TRIALS} trials)`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const file = path.join(dir, `free-${trial}.lock`);
      const answers = await race(file);
      expect(
        answers.filter((a) => a === 'won'),
        `trial ${trial}: ${answers.join(' / ')}`,
      ).toHaveLength(1);
      expect(answers.find((a) => a !== 'won')).toMatch(/^busy held by \d+$/);
      expect(existsSync(file)).toBe(false);
    }
  });

  it(`gives a dead process's lock to exactly one of two processes taking it over together (${TRIALS} trials)`, async () => {
    const dead = await deadPid();
    for (let trial = 0; trial < TRIALS; trial++) {
      const file = path.join(dir, `dead-${trial}.lock`);
      writeFileSync(file, String(dead));
      const answers = await race(file);
      expect(
        answers.filter((a) => a === 'won'),
        `trial ${trial}: ${answers.join(' / ')}`,
      ).toHaveLength(1);
    }
  });
});

describe('acquireLock in one process', () => {
  it('does not take over a lock file another process has just created and not yet filled', () => {
    const file = path.join(dir, 'just-created.lock');
    writeFileSync(file, '');
    expect(() => acquireLock(file, (pid) => `held by ${pid}`)).toThrow(/just taken by another process/);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('takes over an empty lock file left long ago, and a lock whose holder is dead', async () => {
    const old = path.join(dir, 'old-empty.lock');
    writeFileSync(old, '');
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(old, minuteAgo, minuteAgo);
    acquireLock(old, (pid) => `held by ${pid}`)();
    const dead = path.join(dir, 'dead.lock');
    writeFileSync(dead, String(await deadPid()));
    const release = acquireLock(dead, (pid) => `held by ${pid}`);
    expect(readFileSync(dead, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(dead)).toBe(false);
  });

  it('refuses a lock held by a live process, naming it', () => {
    const file = path.join(dir, 'live.lock');
    const holder = String(racers[0]?.child.pid);
    writeFileSync(file, holder);
    expect(() => acquireLock(file, (pid) => `held by ${pid}`)).toThrow(`held by ${holder}`);
    expect(readFileSync(file, 'utf8')).toBe(holder);
  });
});
