#!/usr/bin/env node
// Runs the bundled CLI in dist/bundle/ (built by `npm ci` through the `prepare` script, or `npm run build`). When
// dist/ is missing or older than a source file, runs the TypeScript sources through tsx instead: never a stale
// build, only a slower start (about 1 s more), which a terminal is told about.
import { staleness } from './build.js';

const stale = staleness();
let main;
if (stale === undefined) {
  ({ main } = await import('../../dist/bundle/main.js'));
} else {
  if (process.stderr.isTTY) process.stderr.write(`zhpipe: ${stale}; running the TypeScript sources through tsx (slow start) — run npm run build\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
const code = await main(process.argv);
// A failed command exits at once: retries, timers or sockets left over from the failure must not keep it
// alive. A successful one ends when its work does (`serve` keeps running).
if (code !== 0) process.exit(code);
process.exitCode = 0;
