// README's marked examples are what the commands print: scripts/readme-examples.ts runs them on the bundled
// corpus with its own managed Meilisearch and compares (regenerate with `npx tsx scripts/readme-examples.ts --write`).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fits } from '../scripts/readme-examples.js';
import { ROOT, tempDir } from './helpers.js';

const check = (args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/readme-examples.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });

describe('README examples', () => {
  it('print what README shows, run on the bundled corpus', () => {
    const result = check([]);
    expect(result.stdout + result.stderr).toMatch(/ 0 difference\(s\)/);
    expect(result.status).toBe(0);
  }, 300_000);

  it('are reported, with what the command printed, when they differ', () => {
    const file = path.join(tempDir(), 'README.md');
    writeFileSync(file, '# x\n\n<!-- example -->\n```\n$ npx zhpipe corpus save demo --query 充電樁\nsaved corpus "another name"\n```\n');
    const result = check(['--readme', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('README.md:4: $ npx zhpipe corpus save demo --query 充電樁');
    expect(result.stdout).toContain('saved corpus "demo"');
  }, 120_000);

  it('match … as any text and a lone … line as any lines; elapsed seconds and timestamps may differ', () => {
    expect(fits(['indexed 5 document(s) in 6.7 s'], ['indexed 5 document(s) in 1.2 s'])).toBe(true);
    expect(fits(['indexed 5 document(s)'], ['indexed 6 document(s)'])).toBe(false);
    expect(fits(['a…', '…'], ['abc', 'x', 'y'])).toBe(true);
    expect(fits(['a', '…', 'z'], ['a', 'z'])).toBe(true);
    expect(fits(['a', 'b'], ['a'])).toBe(false);
    expect(fits(['saved 2026-11-23T09:31:12.556Z'], ['saved 2026-12-05T19:14:16.925Z'])).toBe(true);
  });
});
