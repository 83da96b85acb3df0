// npx tsx tests/bench/jsonl.ts [--rows 10000] [--workers N]
// Ingest time of one JSONL file of many rows (issue 22): rows built from the paragraphs of corpus/*.txt, each
// with a title, a date, a source and a url, into a Meilisearch of its own; prints rows, MB, seconds, rows/s.
// Measured 2025 on the 2-core dev machine (load ~5 from other work): 10,000 rows (4.8 MB), 1 worker: 28.7 s, 349 rows/s.
// Not a timed test: a figure for the README, measured on whatever machine runs it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { startServer } from '../../src/meili/server.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { defaultWorkers, ingest } from '../../src/pipeline/ingest.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const argAfter = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const rows = Number(argAfter('--rows') ?? 10_000);
const workers = Number(argAfter('--workers') ?? defaultWorkers());
const SOURCES = ['示例通讯社', '示例日报', '示例晚报', '示例财经'];

/** Paragraphs of the bundled articles (the .txt files), numbers varied per row so rows are not repeats. */
function writeRows(file: string): void {
  const paragraphs = readdirSync(path.join(ROOT, 'corpus'))
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join(ROOT, 'corpus', f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.replace(/\s*\n\s*/g, ''))
    .filter((p) => p.length >= 40);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const content = (paragraphs[i % paragraphs.length] ?? '').replace(/[0-9]+/g, (d) => String(Number(d) + (i % 89)));
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      JSON.stringify({ id: `r${i}`, title: content.slice(0, 18), date: day, source: SOURCES[i % SOURCES.length], url: `https://example.com/${i}`, content }),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

const work = mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-jsonl-'));
const file = path.join(work, 'rows.jsonl');
writeRows(file);
const server = await startServer(path.join(work, 'meili'), { detached: false });
try {
  const client = new Meilisearch({ host: server.host, apiKey: server.apiKey });
  const config = PipelineConfig.parse({
    name: 'bench-jsonl',
    stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
    dictionaries: path.join(ROOT, 'dictionaries'),
    index: { passages: 'bench_jsonl_passages', figures: 'bench_jsonl_figures' },
  });
  const summary = await ingest(client, [file], config, { workers, dataDir: path.join(work, 'data') });
  const mb = statSync(file).size / 1048576;
  const seconds = summary.elapsedMs / 1000;
  console.log(`one JSONL file: ${summary.documents} rows (${mb.toFixed(1)} MB), ${summary.passages} passages, ${summary.figures} figures`);
  console.log(
    `ingest: ${seconds.toFixed(1)} s with ${summary.workers} worker(s), ${(summary.documents / seconds).toFixed(0)} rows/s, ${(mb / seconds).toFixed(2)} MB/s`,
  );
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
