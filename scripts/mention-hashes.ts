// Prints a sha256 over every entity mention (doc, start, end, type, text, canonical) that the entities stage
// finds in corpus/, in the corpus's own script and converted to traditional, so a change meant only to make
// the stage faster can be checked to give the same answer. A second hash covers the inputs (passages and
// their tokens): when it moves, the segmenter or the script conversion changed, not the entities stage.
// The NER split's hash is printed by tests/bench/ner.ts (its data is read there only).
// Usage: npx tsx scripts/mention-hashes.ts [corpus dir]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEntityDictionaries, prepareSegmenter, tagEntities } from '../src/stages/entities/index.js';
import { segment } from '../src/stages/segment.js';
import { toScript } from '../src/text/script.js';

/** Two passage cuts of a document: whole paragraphs (layout breaks joined) and single lines. */
function passagesOf(text: string): { id: string; text: string }[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ''))
    .filter((p) => p.trim());
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l);
  return [...paragraphs.map((p, i) => ({ id: `p${i}`, text: p })), ...lines.map((l, i) => ({ id: `l${i}`, text: l }))];
}

function main(): void {
  const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../corpus'));
  const dicts = loadEntityDictionaries();
  prepareSegmenter(dicts);
  const all = createHash('sha256');
  const inputs = createHash('sha256');
  let count = 0;
  for (const script of ['original', 'traditional'] as const) {
    const part = createHash('sha256');
    let partCount = 0;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const raw = readFileSync(path.join(dir, file), 'utf8');
      const text = script === 'traditional' ? toScript(raw, 'traditional') : raw;
      for (const p of passagesOf(text)) {
        const doc = `${script}/${file}/${p.id}`;
        const tokens = segment(p.text);
        inputs.update(`${doc}\t${p.text}\t${tokens.map((t) => `${t.start},${t.end},${t.tag}`).join(' ')}\n`);
        for (const m of tagEntities(p.text, tokens, dicts)) {
          const line = `${doc}\t${m.start}\t${m.end}\t${m.type}\t${m.text}\t${m.canonical}\n`;
          part.update(line);
          all.update(line);
          partCount++;
        }
      }
    }
    console.log(`corpus ${script.padEnd(11)} ${partCount} mentions  sha256 ${part.digest('hex')}`);
    count += partCount;
  }
  console.log(`corpus both scripts ${count} mentions  sha256 ${all.digest('hex')}`);
  console.log(`inputs (passages + tokens)  sha256 ${inputs.digest('hex')}`);
}

main();
