// `zhpipe reindex --changed`: after entity dictionaries change (zhpipe dict add/remove, or editing the files),
// re-tag and re-write only the passages that contain an added, removed or changed name, from the text already
// in the index: no source files, no re-segmenting the rest. Removed words are gone because this process
// loads only the current dictionaries into nodejieba.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Index, Meilisearch } from 'meilisearch';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-write.js';
import { RuntimeError } from '../errors.js';
import type { FigureRecord, PassageRecord } from '../schema.js';
import { changedNames, dictionaryFingerprint, documentOfPassages, loadEntityDictionaries } from '../stages/entities/index.js';
import { prepareIndexes } from '../meili/settings.js';
import { settle } from '../meili/tasks.js';
import { Checkpoint } from './checkpoint.js';
import type { PipelineConfig } from './config.js';
import { pipelineFingerprint } from './fingerprint.js';
import { mentionSpans, namesByType, passageOfRecord, PASSAGE_FIELDS, type PassageFields } from './records.js';
import { createPipeline } from './runner.js';
import { searchableWords } from '../text/searchable.js';
import { normalizeForIndex } from '../text/script.js';
import { bare, entitiesStage } from './stages.js';

const State = z.object({ fingerprint: z.string() });

const snapshotDir = (dataDir: string, index: string) => path.join(dataDir, 'dictionary-snapshots', index);
const stateFile = (dataDir: string, index: string) => path.join(dataDir, 'dictionary-snapshots', `${index}.json`);

/** Remembers the entity dictionaries an index was tagged with (called after a successful ingest). */
export function saveDictionarySnapshot(dataDir: string, config: PipelineConfig, dictionaryDir: string): void {
  const dest = snapshotDir(dataDir, config.index.passages);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(path.dirname(dest), { recursive: true });
  cpSync(path.join(dictionaryDir, 'entities'), dest, { recursive: true });
  writeFileAtomic(stateFile(dataDir, config.index.passages), JSON.stringify({ fingerprint: pipelineFingerprint(config, dictionaryDir) }) + '\n');
}

export interface ReindexSummary {
  /** Names (and aliases) added, removed or changed since the index was tagged. */
  changed: string[];
  /** Passages re-tagged and re-written, of `total` in the index (what a full reindex would touch). */
  touched: number;
  total: number;
  figures: number;
  /** True when rules (surnames, suffixes, titles) changed too, so every passage had to be re-tagged. */
  full: boolean;
}

const PAGE = 1000;

export interface ReindexOptions {
  changedOnly: boolean;
  /** After each page of passages re-tagged and written: how many of those to re-tag. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export async function reindex(client: Meilisearch, config: PipelineConfig, dataDir: string, options: ReindexOptions): Promise<ReindexSummary> {
  if (!config.stages.includes('entities')) throw new RuntimeError(`pipeline ${config.name} does not run the entities stage: nothing to re-tag`);
  // Segment and tag again: the passages come from the index, so reading and cleaning are done already.
  const pipeline = createPipeline(config, { need: ['entities'] });
  const after = pipeline.resources(entitiesStage);
  if (!after) throw new RuntimeError(`pipeline ${config.name} does not run the entities stage: nothing to re-tag`);
  const snapshot = snapshotDir(dataDir, config.index.passages);
  if (options.changedOnly && !existsSync(snapshot)) {
    throw new RuntimeError(
      `no record of the dictionaries index "${config.index.passages}" was tagged with (in ${dataDir}): run \`zhpipe ingest\` first, or \`zhpipe reindex\` without --changed`,
    );
  }
  const before = options.changedOnly ? loadEntityDictionaries(snapshot, { fresh: true }) : undefined;
  const changed = before ? changedNames(before, after) : [];
  // Same names but another fingerprint: a rule list changed, which can move any mention.
  const full = !options.changedOnly || (before !== undefined && changed.length === 0 && dictionaryFingerprint(before) !== dictionaryFingerprint(after));

  const indexes = await prepareIndexes(client, config.index, pipeline.vocabulary);
  const total = (await indexes.passages.getStats()).numberOfDocuments;
  const touchedIds: string[] = [];
  if (full || changed.length) {
    for (let offset = 0; offset < total; offset += PAGE) {
      const { results } = await indexes.passages.getDocuments<Pick<PassageRecord, 'id' | 'norm'>>({ offset, limit: PAGE, fields: ['id', 'norm'] });
      for (const p of results) if (full || changed.some((name) => p.norm.includes(name))) touchedIds.push(p.id);
    }
  }

  let figures = 0;
  for (let i = 0; i < touchedIds.length; i += PAGE) {
    const ids = touchedIds.slice(i, i + PAGE);
    const idList = ids.map((id) => `"${id}"`).join(',');
    const { results } = await indexes.passages.getDocuments<PassageFields>({ filter: `id IN [${idList}]`, limit: PAGE, fields: [...PASSAGE_FIELDS] });
    const documents = await documentTexts(
      indexes.passages,
      results.map((p) => p.docId),
    );
    // One document per docId, holding the touched passages, whose names are counted in the whole document.
    const byDoc = new Map<string, PassageFields[]>();
    for (const p of results) (byDoc.get(p.docId) ?? byDoc.set(p.docId, []).get(p.docId))?.push(p);
    const updates = [...byDoc].flatMap(([docId, records]) => {
      const passages = records.map((r) => bare(passageOfRecord(r)));
      const doc = pipeline.run({ source: null, passages, documentText: documents.get(docId), diagnostics: [], assigned: ['passages'] });
      // New or removed names move the segmenter's boundaries, so the searchable words are cut again too.
      return doc.passages.map(({ passage, mentions, tokens }) => ({
        id: passage.id,
        ...namesByType(mentions),
        mentions: mentionSpans(mentions),
        words: searchableWords(normalizeForIndex(passage.text), tokens),
      }));
    });
    if (updates.length) await settle(client, (await indexes.passages.updateDocuments(updates)).taskUid);
    // Figures carry the place and organization of their passage.
    const byPassage = new Map(updates.map((u) => [u.id, u]));
    const { results: figs } = await indexes.figures.getDocuments<Pick<FigureRecord, 'id' | 'passageId'>>({
      filter: `passageId IN [${idList}]`,
      limit: 100000,
      fields: ['id', 'passageId'],
    });
    const figureUpdates = figs.map((f) => ({ id: f.id, place: byPassage.get(f.passageId)?.place ?? [], org: byPassage.get(f.passageId)?.org ?? [] }));
    if (figureUpdates.length) await settle(client, (await indexes.figures.updateDocuments(figureUpdates)).taskUid);
    figures += figureUpdates.length;
    options.onProgress?.({ done: i + ids.length, total: touchedIds.length });
  }

  // The index now matches the current dictionaries: record them, and keep the ingest checkpoint valid.
  const previous = existsSync(stateFile(dataDir, config.index.passages))
    ? State.safeParse(JSON.parse(readFileSync(stateFile(dataDir, config.index.passages), 'utf8')))
    : undefined;
  const oldCheckpoint = previous?.success ? Checkpoint.for(dataDir, config.index.passages, previous.data.fingerprint).file : undefined;
  const newCheckpoint = Checkpoint.for(dataDir, config.index.passages, pipelineFingerprint(config, pipeline.dictionaryDir)).file;
  if (oldCheckpoint && newCheckpoint && oldCheckpoint !== newCheckpoint && existsSync(oldCheckpoint)) renameSync(oldCheckpoint, newCheckpoint);
  saveDictionarySnapshot(dataDir, config, pipeline.dictionaryDir);
  return { changed, touched: touchedIds.length, total, figures, full };
}

/** The text of each document as its passages read, in order: what ingest counted second mentions in. */
async function documentTexts(passages: Index, docIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(docIds)];
  const texts = new Map<string, string>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const list = ids
      .slice(i, i + PAGE)
      .map((id) => `"${id}"`)
      .join(',');
    const byDoc = new Map<string, Array<{ start: number; text: string }>>();
    for (let offset = 0; ; offset += PAGE) {
      const { results, total } = await passages.getDocuments<Pick<PassageRecord, 'docId' | 'start' | 'text'>>({
        filter: `docId IN [${list}]`,
        offset,
        limit: PAGE,
        fields: ['docId', 'start', 'text'],
      });
      for (const p of results) (byDoc.get(p.docId) ?? byDoc.set(p.docId, []).get(p.docId))?.push(p);
      if (offset + PAGE >= total) break;
    }
    for (const [docId, parts] of byDoc) texts.set(docId, documentOfPassages(parts.sort((a, b) => a.start - b.start).map((p) => p.text)));
  }
  return texts;
}
