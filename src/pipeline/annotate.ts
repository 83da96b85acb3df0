// The annotating stages (entities, figures) over an analyzed document, and the records they make for
// Meilisearch. Local offsets (into passage text) become offsets into the original text here.
import path from 'node:path';
import type { FigureRecord, PassageRecord, SourceDoc } from '../schema.js';
import { dictionarySynonyms, dictionaryWords, documentOfPassages, loadEntityDictionaries, prepareSegmenter, tagEntities, type EntityDictionaries } from '../stages/entities/index.js';
import { documentRegion, extractFigures } from '../stages/figures/index.js';
import { addWords } from '../stages/segment.js';
import type { Vocabulary } from '../stages/index.js';
import { spanToSource } from '../text/offsets.js';
import { loadRegional, loadWords, regionalSynonyms } from '../vocabulary.js';
import { analyzeSource } from './analyze.js';
import { resolveFromProject, type PipelineConfig } from './config.js';
import { docFields, lineStarts, toPassageRecord, yearsIn } from './records.js';

/** Everything the stages load once per process: dictionaries, pushed into nodejieba. */
export interface Resources {
  config: PipelineConfig;
  dictionaryDir: string;
  entities: EntityDictionaries | undefined;
  vocabulary: Vocabulary;
}

const readySegmenters = new WeakSet<Resources>();

/** Pushes the project's words and entity names into nodejieba (once per resources), loading it if need be. */
export function readySegmenter(resources: Resources): void {
  if (readySegmenters.has(resources)) return;
  addWords(loadWords(resources.dictionaryDir));
  if (resources.entities) prepareSegmenter(resources.entities);
  readySegmenters.add(resources);
}

/**
 * Loads the dictionaries. `segmenter: false` leaves nodejieba alone (its dictionaries take some 240 MB per
 * thread): for a thread that only needs the vocabulary, like ingest's main thread; annotate() readies it.
 */
export function loadResources(config: PipelineConfig, { segmenter = true } = {}): Resources {
  const dictionaryDir = resolveFromProject(config.dictionaries);
  const words = loadWords(dictionaryDir);
  const entities = config.stages.includes('entities') ? loadEntityDictionaries(path.join(dictionaryDir, 'entities'), { fresh: true }) : undefined;
  const synonyms: Record<string, string[]> = regionalSynonyms(loadRegional(dictionaryDir));
  if (entities) {
    for (const [key, values] of Object.entries(dictionarySynonyms(entities))) {
      synonyms[key] = [...new Set([...(synonyms[key] ?? []), ...values])];
    }
  }
  // Meilisearch's dictionary gets our segmentation words and person names, so it cuts text as nodejieba
  // does. Place and organization names stay out: as single tokens they would hide the words inside them
  // (自贸区 in 上海自贸区), which cost recall in the judged queries (tests/search-quality.test.ts).
  const dictionary = new Set(words.map((w) => w.word));
  if (entities) for (const w of dictionaryWords(entities)) if (w.tag === 'nr') dictionary.add(w.word);
  const resources: Resources = { config, dictionaryDir, entities, vocabulary: { words: [...dictionary], synonyms } };
  if (segmenter) readySegmenter(resources);
  return resources;
}

export interface DocumentRecords {
  passages: PassageRecord[];
  figures: FigureRecord[];
}

const unique = (values: string[]) => [...new Set(values)];

/** Runs the stages over a document and builds its records. */
export function annotate(source: SourceDoc, resources: Resources): DocumentRecords {
  const { config } = resources;
  readySegmenter(resources);
  const analyzed = analyzeSource(source, config);
  const lines = lineStarts(source.original);
  const fields = docFields(source.meta);
  // Bare 元 takes the currency of the document's region, which the whole text tells better than one passage.
  const region = config.stages.includes('figures') ? documentRegion(source.text) : null;
  const passages: PassageRecord[] = [];
  const figures: FigureRecord[] = [];
  // A name said twice in the document is evidence of a person: the document as its passages read (reindex
  // rebuilds the same text from the index).
  const document = documentOfPassages(analyzed.passages.map(({ passage }) => passage.text));
  for (const { passage, tokens } of analyzed.passages) {
    const mentions = resources.entities ? tagEntities(passage.text, tokens, resources.entities, { document }) : [];
    const names = (type: string) => unique(mentions.filter((m) => m.type === type).map((m) => m.canonical));
    const person = names('person');
    const place = names('place');
    const org = names('org');
    const local = config.stages.includes('figures') ? extractFigures(passage.text, tokens, { dictionaries: resources.dictionaryDir, region }) : [];
    const passageFigures: FigureRecord[] = local.map((f) => {
      const span = spanToSource(passage.map, f.start, f.end);
      const years = yearsIn(f.period);
      return {
        ...f,
        ...span,
        id: `${passage.id}-${f.start}`,
        doc: source.doc,
        docId: source.docId,
        passageId: passage.id,
        year: years.length ? years : yearsIn(f.sentence),
        place,
        org,
        ...fields,
      };
    });
    figures.push(...passageFigures);
    passages.push(toPassageRecord(passage, lines, { person, place, org, figures: passageFigures }, source.meta));
  }
  return { passages, figures };
}
