// npm run bench:words [-- --mb 0.5] [--words 1000]
// Issue 18's corpus-sample property on a thousand documents instead of corpus/'s few: the news-like bench corpus
// (tests/bench/news-corpus.ts: People's Daily NER sentences read at run time from ../shared/bench, + corpus/),
// ingested by zhpipe in both scripts into a fresh Meilisearch; words sampled as the pipeline cuts the cleaned
// passages (Han words of two characters or more, once each), --words per script, each searched through zhpipe's
// search(). Prints how many were tried, how many found a passage holding them among the first 10 hits, and where
// each missed word's first passage holding it ranks.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { startServer } from '../../src/meili/server.js';
import { loadResources } from '../../src/pipeline/annotate.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { search } from '../../src/search/search.js';
import { toScript } from '../../src/text/script.js';
import { loadRegional } from '../../src/vocabulary.js';
import { cutWords, sample } from '../corpus-words.js';
import { writeNewsCorpus } from './news-corpus.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const MB = option('mb', 0.5);
const WORDS = option('words', 1000);

const work = mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-words-'));
const simplified = path.join(work, 'simplified');
const traditional = path.join(work, 'traditional');
const corpus = writeNewsCorpus(simplified, MB);
mkdirSync(traditional);
for (const f of readdirSync(simplified)) writeFileSync(path.join(traditional, f), toScript(readFileSync(path.join(simplified, f), 'utf8'), 'traditional'));

const config = PipelineConfig.parse({
  name: 'bench-words',
  stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
  dictionaries: path.join(ROOT, 'dictionaries'),
  index: { passages: 'words_passages', figures: 'words_figures' },
});
loadResources(config);
const cut = await cutWords(simplified, config);
// The same deterministic sample as tests/search/search-properties.test.ts.
const words = [...sample(cut, WORDS, (w) => w), ...sample(cut, WORDS, (w) => `t${w}`).map((w) => toScript(w, 'traditional'))];
console.log(
  `${(corpus.bytes / 1024 / 1024).toFixed(2)} MB, ${corpus.files} documents in each script; ${cut.length} distinct words cut; ${words.length} sampled (${WORDS} per script)`,
);

const dataDir = path.join(work, 'meili');
const server = await startServer(dataDir, { detached: false });
try {
  const client = new Meilisearch({ host: server.host, apiKey: server.apiKey });
  await ingest(client, [simplified, traditional], config, { dataDir });
  const ctx = { client, index: config.index.passages, regional: loadRegional(path.join(ROOT, 'dictionaries')) };
  const missed: string[] = [];
  for (const word of words) {
    const { hits } = await search(ctx, { q: word, limit: 10 });
    if (hits.some((h) => h.text.includes(word))) continue;
    const { hits: more, total } = await search(ctx, { q: word, limit: 100, perDoc: 0 });
    const rank = more.findIndex((h) => h.text.includes(word));
    missed.push(`${word} (${rank < 0 ? 'not in the first 100' : `first holding passage ranked ${rank + 1}`} of ${total})`);
  }
  const found = words.length - missed.length;
  console.log(`words found among the first 10 hits: ${found} of ${words.length} (${(found / words.length).toFixed(3)})`);
  for (const m of missed) console.log(`  missed: ${m}`);
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
