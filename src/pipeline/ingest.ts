// `zhpipe ingest`: runs the pipeline over files and writes the annotated passages and figures to
// Meilisearch. Bad files are skipped with their reason; everything else is indexed.
import type { Meilisearch } from 'meilisearch';
import { addWords } from '../stages/segment.js';
import { IndexWriter, prepareIndexes, type Vocabulary } from '../stages/index.js';
import { loadRegional, loadWords, regionalSynonyms } from '../vocabulary.js';
import { analyzeSource, listInputs, readFile, type SkippedFile } from './analyze.js';
import { resolveFromProject, type PipelineConfig } from './config.js';
import { lineStarts, NO_ANNOTATIONS, toPassageRecord } from './records.js';

export interface IngestProgress {
  /** Files handled so far (indexed or skipped), of `total`. */
  done: number;
  total: number;
  file: string;
  passages: number;
}

export interface IngestSummary {
  documents: number;
  passages: number;
  figures: number;
  skipped: SkippedFile[];
  elapsedMs: number;
}

export interface IngestOptions {
  onProgress?: (progress: IngestProgress) => void;
}

/** The vocabulary of the pipeline's dictionaries, also pushed into nodejieba for this process. */
export function loadVocabulary(config: PipelineConfig): Vocabulary {
  const dir = resolveFromProject(config.dictionaries);
  const words = loadWords(dir);
  addWords(words);
  return { words: [...new Set(words.map((w) => w.word))], synonyms: regionalSynonyms(loadRegional(dir)) };
}

export async function ingest(client: Meilisearch, paths: string[], config: PipelineConfig, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const vocabulary = loadVocabulary(config);
  const indexes = await prepareIndexes(client, config.index, vocabulary);
  const writer = new IndexWriter(client, indexes, config.index);
  const { files, missing } = listInputs(paths);
  const skipped: SkippedFile[] = [...missing];
  let documents = 0;
  let passageCount = 0;
  const total = files.length + missing.length;
  let done = missing.length;
  for (const file of files) {
    const source = readFile(file);
    if ('skipped' in source) {
      skipped.push(source);
    } else {
      const analyzed = analyzeSource(source, config);
      const lines = lineStarts(source.original);
      const records = analyzed.passages.map(({ passage }) => toPassageRecord(passage, lines, NO_ANNOTATIONS));
      await writer.writeDocument(source.docId, records, []);
      documents++;
      passageCount += records.length;
    }
    done++;
    options.onProgress?.({ done, total, file, passages: passageCount });
  }
  const stats = await writer.close();
  return { documents, passages: stats.passages, figures: stats.figures, skipped, elapsedMs: Date.now() - started };
}
