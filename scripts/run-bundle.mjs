#!/usr/bin/env node
// Runs the CLI from another bundle directory under dist/ (e.g. one built from an older commit in a git worktree
// and copied to dist/bundle-old), as src/bin/zhpipe.js runs dist/bundle/:
//   node scripts/run-bundle.mjs dist/bundle-old search 充电桩
// The bundle finds the project (dictionaries, package.json) by walking up from its own folder, so it must sit
// inside this checkout.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, ...args] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: node scripts/run-bundle.mjs DIR ARGS…\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(path.resolve(dir, 'main.js')).href);
const code = await main([process.argv[0], 'zhpipe', ...args]);
if (code !== 0) process.exit(code);
