// README examples are real runs: every fenced block marked `<!-- example -->` just above it is run command by
// command (`$ npx zhpipe …` lines) on the bundled corpus, in README order, with a fresh data directory and its
// own managed Meilisearch, and its output compared with what README shows.
//
//   npx tsx scripts/readme-examples.ts            check: print each difference, exit 1 if any
//   npx tsx scripts/readme-examples.ts --write    rewrite the marked blocks with what the commands print now
//   … --readme FILE                                 another file instead of README.md
//
// In README output, `…` stands for any text (the rest of a long line) and a line that is only `…` for any
// number of lines; elapsed seconds and timestamps may differ. Commands run in a scratch directory that links corpus/, dictionaries/ and
// pipeline/, so files they write (--out charging.jsonl) never land in the repository; it also holds the two
// unreadable files the ingest example names (empty.txt, logo.png).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'src/bin/zhpipe.js');
const MARK = '<!-- example -->';
const MAX_LINES = 8;
const MAX_WIDTH = 160;

interface Block {
  /** Line index of the opening fence. */
  open: number;
  close: number;
  commands: Array<{ command: string; shown: string[] }>;
}

function markedBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== MARK || !lines[i + 1]?.startsWith('```')) continue;
    const open = i + 1;
    let close = open + 1;
    while (close < lines.length && !lines[close]?.startsWith('```')) close++;
    const commands: Block['commands'] = [];
    for (const line of lines.slice(open + 1, close)) {
      if (line.startsWith('$ ')) commands.push({ command: line.slice(2), shown: [] });
      else commands.at(-1)?.shown.push(line);
    }
    if (commands.length === 0) throw new Error(`README.md:${open + 1}: a marked example without a "$ " command`);
    blocks.push({ open, close, commands });
    i = close;
  }
  return blocks;
}

/** A README line as a pattern: `…` matches any text. */
function linePattern(shown: string): RegExp {
  return new RegExp(
    '^' +
      shown
        .split('…')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
    's',
  );
}

/** What changes from run to run on any machine (elapsed seconds, timestamps), the same on both sides. */
function steady(line: string): string {
  return line.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME').replace(/\b\d+(\.\d+)? s\b/g, 'N s');
}

/** Whether the printed lines fit what README shows (a lone `…` line matches any number of lines). */
export function fits(shownLines: string[], printedLines: string[]): boolean {
  const shown = shownLines.map(steady);
  const printed = printedLines.map(steady);
  const match = (s: number, p: number): boolean => {
    if (s === shown.length) return p === printed.length;
    if (shown[s]?.trim() === '…') {
      for (let k = p; k <= printed.length; k++) if (match(s + 1, k)) return true;
      return false;
    }
    return p < printed.length && linePattern(shown[s] ?? '').test(printed[p] ?? '') && match(s + 1, p + 1);
  };
  return match(0, 0);
}

/** What --write puts in README: the output, long lines cut and long outputs elided with `…`. */
function shownForm(printed: string[]): string[] {
  const lines = printed.map((l) => ([...l].length > MAX_WIDTH ? [...l].slice(0, MAX_WIDTH - 1).join('') + '…' : l));
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES - 1), '…'] : lines;
}

function scratchDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhpipe-readme-'));
  for (const name of ['corpus', 'dictionaries', 'pipeline']) symlinkSync(path.join(ROOT, name), path.join(dir, name));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  return dir;
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv): string[] {
  // `npx zhpipe` is this checkout's CLI; the shell keeps pipes and redirections as README writes them.
  const shell = command.replace(/\bnpx zhpipe\b/g, `node ${JSON.stringify(BIN)}`);
  const result = spawnSync('sh', ['-c', shell], { cwd, env, encoding: 'utf8', timeout: 300_000 });
  const out = (result.stdout ?? '') + (result.stderr ?? '');
  return out
    .replace(/\n$/, '')
    .split('\n')
    .filter((line, i, all) => !(all.length === 1 && line === ''));
}

function main(): number {
  const write = process.argv.includes('--write');
  // --readme FILE checks another file (the test of this script); README.md by default.
  const at = process.argv.indexOf('--readme');
  const README = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1] ?? '') : path.join(ROOT, 'README.md');
  const lines = readFileSync(README, 'utf8').split('\n');
  const blocks = markedBlocks(lines);
  const cwd = scratchDir();
  const dataDir = path.join(cwd, '.zhpipe');
  // Its own managed server: neither a MEILI_HOST of the caller nor a terminal (no colours, no progress bar).
  const env: NodeJS.ProcessEnv = { ...process.env, ZHPIPE_DATA_DIR: dataDir, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.MEILI_HOST;
  delete env.MEILI_MASTER_KEY;
  delete env.MEILI_SEARCH_KEY;
  let differences = 0;
  const replacements: Array<{ block: Block; body: string[] }> = [];
  try {
    for (const block of blocks) {
      const body: string[] = [];
      for (const { command, shown } of block.commands) {
        const printed = run(command, cwd, env);
        body.push(`$ ${command}`, ...(write ? shownForm(printed) : shown));
        if (!write && !fits(shown, printed)) {
          differences++;
          process.stdout.write(
            `${path.basename(README)}:${block.open + 1}: $ ${command}\n--- README shows\n${shown.join('\n')}\n--- the command printed\n${printed.join('\n')}\n\n`,
          );
        }
      }
      replacements.push({ block, body });
    }
  } finally {
    spawnSync('node', [BIN, 'meili', 'stop'], { cwd, env, encoding: 'utf8' });
    rmSync(cwd, { recursive: true, force: true });
  }
  if (write) {
    for (const { block, body } of replacements.reverse()) lines.splice(block.open + 1, block.close - block.open - 1, ...body);
    writeFileSync(README, lines.join('\n'));
    process.stdout.write(`rewrote ${blocks.length} example block(s) of ${path.basename(README)}\n`);
    return 0;
  }
  process.stdout.write(`${blocks.length} example block(s), ${blocks.reduce((n, b) => n + b.commands.length, 0)} command(s): ${differences} difference(s)\n`);
  return differences ? 1 : 0;
}

if (process.argv[1]?.endsWith('readme-examples.ts')) process.exitCode = main();
