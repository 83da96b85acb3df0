// The code is formatted by Prettier (.prettierrc.json: 160 columns, single quotes, trailing commas), so a
// change reads the same whoever made it. `npm run format` formats; this check runs with the tests in CI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers.js';

it('every source, test and script file is as Prettier formats it', () => {
  const prettier = path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs');
  const result = spawnSync(process.execPath, [prettier, '--list-different', 'src', 'tests', 'scripts', 'vitest.config.ts'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.stdout.split('\n').filter(Boolean), 'files to format with npm run format').toEqual([]);
});
