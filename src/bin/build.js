#!/usr/bin/env node
// `npm run build`, also run by `npm ci` (the `prepare` script): compiles src/ to dist/ with tsc, then writes
// dist/.built dated when the build started. The CLI runs dist/ only while no source file is newer than that
// stamp (see `staleness`), so an edited checkout never runs yesterday's build.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = path.join(ROOT, 'src');
const STAMP = path.join(ROOT, 'dist', '.built');

/** Why dist/ must not be run (never built, or a source changed since), or undefined when it is current. */
export function staleness() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return 'dist/ has not been built';
  }
  // About 1 ms for the whole tree, against some 150 ms that tsx would spend compiling it.
  for (const entry of readdirSync(SOURCES, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (statSync(file).mtimeMs > built) return `${path.relative(ROOT, file)} changed since dist/ was built`;
  }
  return undefined;
}

/** Runs tsc over tsconfig.build.json; the exit status (0 when typescript is not installed: tsx stands in). */
export function build() {
  const started = new Date();
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    // `npm ci --omit=dev` leaves out typescript; the CLI then runs the sources through tsx, only slower to start.
    process.stderr.write('zhpipe build: typescript is not installed, dist/ not built (the CLI will run the TypeScript sources through tsx)\n');
    return 0;
  }
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (run.status !== 0) return run.status ?? 1;
  closeSync(openSync(STAMP, 'w'));
  utimesSync(STAMP, started, started);
  return 0;
}

// `--if-stale` (the tests' global setup): build only when the CLI would not run dist/ as it is.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const ifStale = process.argv.includes('--if-stale');
  process.exit(ifStale && staleness() === undefined ? 0 : build());
}
