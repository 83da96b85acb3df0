#!/usr/bin/env node
// `npm run build`, also run by `npm ci` (the `prepare` script): compiles src/ to dist/ with tsc, bundles the
// CLI and its worker into dist/bundle/ with esbuild, then writes dist/.built dated when the build started. The
// CLI runs the bundle only while no source file is newer than that stamp (see `staleness`), so an edited
// checkout never runs yesterday's build.
//
// Why a bundle on top of tsc's dist/: start-up is most of a `zhpipe search`, and Node spends it resolving,
// reading and compiling its ES modules one by one (132 files for a search from dist/, 15 from the bundle); the
// bundled chunks (split per command, so a search still loads only what it needs) start about 35 ms sooner. npm run bench:search measures the whole process.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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

/**
 * zod's classic API re-exports its error messages in some 40 languages as `z.locales`, which keeps them in any
 * bundle (the namespace is a value); zhpipe uses English only (zod's default, imported on its own), so the
 * bundle gets an empty `locales` instead: 366 KB, about half of the zod code in the bundle, that every command would compile.
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'zhpipe-empty' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zhpipe-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** Bundles dist/cli/main.js and dist/pipeline/worker.js into dist/bundle/ (main.js, worker.js and shared chunks). */
async function bundle() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: { main: path.join(ROOT, 'dist/cli/main.js'), worker: path.join(ROOT, 'dist/pipeline/worker.js') },
    outdir: path.join(ROOT, 'dist/bundle'),
    // One folder: pool.js finds the worker as ./worker.js next to whichever chunk holds it.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // nodejieba: a native addon, found by its own loader next to its package; piscina: starts its own worker
    // script from beside its code (__dirname); opencc-js: loaded on first use (src/text/convert.ts).
    external: ['nodejieba', 'piscina', 'opencc-js'],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __zhpipeRequire } from 'node:module'; const require = __zhpipeRequire(import.meta.url);" },
    plugins: [zodWithoutLocales],
    sourcemap: true,
    // Less for V8 to read at every start (a search: some 10 ms, npm run bench:search); names are kept, so stack
    // traces stay readable without the source maps.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
}

/**
 * opencc-js's presets from simplified (s2tw, s2hk, …) as JSON in dist/opencc/, with the opencc-js version they
 * came from: src/text/convert.ts reads and parses one in some 5 ms, where requiring opencc-js's from-simplified
 * half (1.1 MB of JavaScript) takes some 20 ms of a search whose hits are shown in traditional script.
 */
function writeOpenccPresets() {
  const require = createRequire(import.meta.url);
  // Its exports leave package.json out: it sits three levels above dist/umd/cn2t.js.
  const { version } = JSON.parse(readFileSync(path.join(require.resolve('opencc-js/cn2t'), '../../../package.json'), 'utf8'));
  const { configs } = require('opencc-js/cn2t').Locale;
  const dir = path.join(ROOT, 'dist/opencc');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // UTF-16: the tables are Chinese text, which reads back some 10 times faster in UTF-16 than decoded from UTF-8.
  for (const [name, config] of Object.entries(configs)) writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ version, config }), 'utf16le');
}

/** Runs tsc over tsconfig.build.json, then the bundle; the exit status (0 when typescript is not installed: tsx stands in). */
export async function build() {
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
  rmSync(path.join(ROOT, 'dist/bundle'), { recursive: true, force: true });
  try {
    await bundle();
    writeOpenccPresets();
  } catch (err) {
    process.stderr.write(`zhpipe build: bundling dist/bundle/ failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  closeSync(openSync(STAMP, 'w'));
  utimesSync(STAMP, started, started);
  return 0;
}

// `--if-stale` (the tests' global setup): build only when the CLI would not run dist/ as it is.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const ifStale = process.argv.includes('--if-stale');
  process.exit(ifStale && staleness() === undefined ? 0 : await build());
}
