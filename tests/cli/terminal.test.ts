// What the CLI does to a terminal and a pipe, for real: escape sequences in text and file names are shown,
// not obeyed; a reader that closes the pipe early (`| head -1`) ends the command quietly with status 0; input
// a schema refuses is one line and status 2.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe, toTable } from '../../src/formats/output.js';
import { CORPUS, meiliEnv, ROOT, runCli, tempDir, uniqueIndexes, writePipeline } from '../helpers.js';

const BIN = path.join(ROOT, 'src/bin/zhpipe.js');
const OSC52 = '\x1b]52;c;ZWNobyBwd25lZA==\x07';
const CLEAR = '\x1b[2J';
// Any control character but newline (tab never reaches a table cell: white space is folded).
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('terminal: control characters are neutralized in human-readable output', () => {
  it('terminalSafe shows each control character as an inert \\u{…}', () => {
    expect(terminalSafe(`a${CLEAR}b\u202ec\rd`)).toBe('a\\u{1b}[2Jb\\u{202e}c\\u{d}d');
    expect(terminalSafe('全年新建公共充电桩超7万个\n')).toBe('全年新建公共充电桩超7万个\n');
    expect(toTable([{ a: `x${OSC52}` }], ['a'], 80)).not.toMatch(RAW_CONTROL);
  });

  it('figures --format table and entities --format table print no raw escape sequence from a hostile file', async () => {
    const dir = tempDir('zhpipe-esc-');
    const folder = path.join(dir, `docs${CLEAR}`);
    mkdirSync(folder);
    const file = path.join(folder, `evil${OSC52}.txt`);
    writeFileSync(file, `上海市${CLEAR}今年计划新建公共充电桩超7万个${OSC52}，较去年增长20%。国务院总理李强出席。\n`);
    // Run from the folder's parent, so the doc column (a relative name) shows the escape within its width.
    const pipeline = writePipeline(dir, uniqueIndexes('esc'));
    for (const command of ['figures', 'entities']) {
      const r = await runCli([command, path.basename(folder), '--format', 'table', '--pipeline', pipeline], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('\\u{1b}');
      expect(r.stdout, command).not.toMatch(RAW_CONTROL);
    }
    // A file that cannot be read is named on stderr: its name is made inert too.
    writeFileSync(path.join(folder, `empty${CLEAR}.txt`), '');
    const r = await runCli(['figures', path.basename(folder), '--format', 'table', '--pipeline', pipeline], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/skipped .*empty\\u\{1b\}\[2J\.txt: empty file/);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });
});

/** Runs the CLI with stdout into a pipe that the reader closes after the first line, as `| head -1` does. */
function headOne(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let first = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0 && !first) {
        first = out.slice(0, nl);
        // The reader has its line and goes away: the write end now gets EPIPE.
        child.stdout.destroy();
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, first, stderr });
    });
  });
}

describe('terminal: a closed pipe', { timeout: 180_000 }, () => {
  // The corpus is written document by document: the later ones come after the reader has gone.
  it.each([
    ['figures', ['figures', CORPUS, '--format', 'csv']],
    ['entities', ['entities', CORPUS]],
  ])('%s | head -1 ends quietly with status 0', async (_name, args) => {
    const r = await headOne(args);
    expect(r.first.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });
});

describe('terminal: input refused by a schema', () => {
  it('a 2,000-character query and --offset 1e12: one line naming the field, status 2', async () => {
    const dir = tempDir('zhpipe-zod-');
    const pipeline = writePipeline(dir, uniqueIndexes('zod'));
    for (const args of [
      ['search', '长'.repeat(2000)],
      ['search', '长三角', '--offset', '1e12'],
    ]) {
      const r = await runCli([...args, '--pipeline', pipeline, '--json'], { env: meiliEnv() });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^zhpipe: bad input: field "(q|offset)": Too big/);
    }
  });
});
