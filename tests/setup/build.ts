// The CLI tests spawn src/bin/zhpipe.js, which runs the build (dist/bundle/) while it is current: rebuild it first
// when a source changed since the last build, so the tests exercise what `npm ci` ships. A build that fails
// (a type error) is reported here; the CLI then runs the sources through tsx, so the tests still run the code
// as it is now.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export function setup(): void {
  const script = path.resolve(import.meta.dirname, '../../src/bin/build.js');
  const run = spawnSync(process.execPath, [script, '--if-stale'], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(
      `tests/setup/build.ts: building dist/ failed (status ${run.status}); the CLI runs the TypeScript sources through tsx\n${run.stdout}${run.stderr}`,
    );
  }
}
