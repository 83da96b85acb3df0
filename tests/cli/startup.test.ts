// Start-up is most of a `zhpipe search`: the CLI must run the bundled dist/bundle/ (built by `npm ci`) and load
// only what the command needs. Every module a real CLI process loads is recorded through a Node module hook; a
// bundle chunk stands for the sources its source map lists.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, meiliEnv, ROOT, runCli, tempDir, uniqueIndexes, writePipeline } from '../helpers.js';

/** Runs the CLI with a hook that writes the URL of every module it loads; returns the result and those URLs. */
async function runTraced(args: string[], env: Record<string, string> = {}) {
  const dir = tempDir('zhpipe-trace-');
  const log = path.join(dir, 'loaded.txt');
  writeFileSync(log, '');
  writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}`,
  );
  // The hooks see ES modules only; CommonJS modules loaded through require (opencc-js, nodejieba) are listed from
  // require's cache as the process exits.
  writeFileSync(
    path.join(dir, 'register.mjs'),
    `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
register(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(${JSON.stringify(log)}, Object.keys(cache).map((f) => pathToFileURL(f).href + '\\n').join('')));
`,
  );
  const result = await runCli(args, { env: { ...env, NODE_OPTIONS: `--import ${pathToFileURL(path.join(dir, 'register.mjs')).href}` } });
  const loaded = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((url) => url.replace(pathToFileURL(ROOT).href + '/', ''));
  return { ...result, loaded, sources: loaded.flatMap(sourcesOf) };
}

/** The files a loaded module holds: itself, or for a chunk of dist/bundle/ every source its map lists (relative to the root). */
function sourcesOf(file: string): string[] {
  if (!file.startsWith('dist/bundle/')) return [file];
  const map = JSON.parse(readFileSync(path.join(ROOT, `${file}.map`), 'utf8')) as { sources: string[] };
  return map.sources.map((s) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), s)));
}

/** Whether the CLI will run dist/ (it falls back to the sources when one changed since the build). */
function distIsCurrent(): boolean {
  const check = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "process.exit((await import('./src/bin/build.js')).staleness() === undefined ? 0 : 1)"],
    { cwd: ROOT },
  );
  return check.status === 0;
}

describe('CLI start-up', () => {
  let pipeline: string;

  beforeAll(async () => {
    const dir = tempDir();
    pipeline = writePipeline(dir, uniqueIndexes('startup'));
    const ingest = await runCli(['ingest', path.join(CORPUS, '004_9c34a97e38f5307b.txt'), '--pipeline', pipeline, '--data-dir', dir], { env: meiliEnv() });
    expect(ingest.code, ingest.stderr).toBe(0);
  });

  it('search loads no segmenter, entity or figure dictionaries, worker pool, server or export code', async () => {
    const current = distIsCurrent();
    const r = await runTraced(['search', '长三角', '--json', '--pipeline', pipeline], meiliEnv());
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).total).toBeGreaterThan(0);
    // A simplified query over simplified passages: no OpenCC tables, and no meilisearch-js client (node:http instead).
    const needless = r.sources.filter((file) =>
      /node_modules\/(nodejieba|piscina|cli-progress|meilisearch|opencc-js)\/|\/(stages|workflows|server)\/|\/pipeline\/(analyze|annotate|ingest|reindex|pool)\./.test(
        file,
      ),
    );
    expect(needless).toEqual([]);
    // An http host needs no TLS: node:https is loaded only for an https MEILI_HOST (meili/protocol.ts).
    expect(r.loaded).not.toContain('node:https');
    // The bundled build when it is current; the sources through tsx (slow, but never stale) otherwise.
    if (current) {
      expect(r.loaded).toContain('dist/bundle/main.js');
      // The chunks were read through their source maps, so the check above saw the sources inside them.
      expect(r.sources).toContain('src/cli/search.ts');
      expect(r.loaded.filter((url) => url.endsWith('.ts') || url.includes('/node_modules/tsx/'))).toEqual([]);
    } else {
      expect(r.loaded).toContain('src/cli/main.ts');
    }
  });

  it("a traditional query over simplified passages loads OpenCC's to-simplified half only (the built tables stand in for the other)", async () => {
    const current = distIsCurrent();
    const r = await runTraced(['search', '長三角', '--json', '--pipeline', pipeline], meiliEnv());
    expect(r.code, r.stderr).toBe(0);
    const response = JSON.parse(r.stdout) as { total: number; hits: Array<{ text: string }> };
    expect(response.total).toBeGreaterThan(0);
    // The hits are shown in the query's script.
    expect(response.hits[0]?.text).toMatch(/長三角/);
    const opencc = r.loaded.filter((url) => url.includes('node_modules/opencc-js/')).map((url) => url.replace(/.*node_modules\//, ''));
    expect(opencc).toContain('opencc-js/dist/umd/t2cn.js');
    // Built: the from-simplified presets come from dist/opencc/ (src/bin/build.js), not from the 1.1 MB half.
    if (current) expect(opencc).not.toContain('opencc-js/dist/umd/cn2t.js');
  });

  it('still lists every command in help, and finds the command after the global --data-dir', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['ingest', 'reindex', 'search', 'figures', 'entities', 'dict', 'targets', 'export', 'corpus', 'serve', 'meili']) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
    }
    const sub = await runTraced(['--data-dir', tempDir(), 'search', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/Usage: zhpipe search/);
    expect(sub.sources.filter((file) => /\/cli\/(ingest|figures|serve)\./.test(file))).toEqual([]);
  });
});
