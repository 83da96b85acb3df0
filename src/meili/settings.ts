// The settings zhpipe owns on its two indexes, and creating the indexes with them: only what differs from
// what an index holds is sent, since a settings change can re-index every document.
import type { Index, Meilisearch, Settings } from 'meilisearch';
import type { Proximity } from '../schema.js';
import { settle, withRetry } from './tasks.js';

export interface IndexNames {
  passages: string;
  figures: string;
}

const PROXIMITY_PRECISION = { word: 'byWord', attribute: 'byAttribute' } as const;

/** Words and synonyms of the custom dictionaries, pushed to Meilisearch so its tokenizer agrees with ours. */
export interface Vocabulary {
  words: string[];
  synonyms: Record<string, string[]>;
}

/** Meilisearch answers a query with at most this many hits per index (`pagination.maxTotalHits`). */
export const MAX_TOTAL_HITS = { passages: 10_000, figures: 100_000 } as const;

const RANKING_RULES = ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'];

export function passageSettings(vocabulary: Vocabulary, proximity: Proximity = 'word'): Settings {
  return {
    // Only the passage as our segmenter cuts it (text/searchable.ts): `norm` is stored for display and
    // highlighting positions, not searched a second time (that cost Meilisearch a third more indexing CPU, issue 18).
    searchableAttributes: ['words'],
    displayedAttributes: ['*'],
    // Meilisearch's order with sort moved up behind words: a search sorted by date is in date order (every
    // hit holds every word); a search without a sort is ranked as before.
    rankingRules: RANKING_RULES,
    // Only what is filtered or faceted (each costs indexing time): id and docId by passage views, re-index
    // and stale-record removal; the rest by user filters and facets; dateNum (YYYYMMDD) takes the date filters
    // and the date sort, the only sort.
    filterableAttributes: [
      'id',
      'doc',
      'docId',
      'person',
      'place',
      'org',
      'year',
      'figureKinds',
      'units',
      'hasFigure',
      'hasTarget',
      'heading',
      'script',
      'dateNum',
      'month',
      'source',
    ],
    sortableAttributes: ['dateNum'],
    localizedAttributes: [{ attributePatterns: ['words'], locales: ['cmn'] }],
    proximityPrecision: PROXIMITY_PRECISION[proximity],
    // zhpipe reads facet counts but never searches facet values; building that index costs indexing time.
    facetSearch: false,
    dictionary: vocabulary.words,
    synonyms: vocabulary.synonyms,
    // Typos on two-character Chinese words match unrelated words; see README (search) for the measurement.
    typoTolerance: { enabled: false },
    pagination: { maxTotalHits: MAX_TOTAL_HITS.passages },
    faceting: { maxValuesPerFacet: 200 },
  };
}

/**
 * The figures index is read by filters only: a query goes through the passages index (a figure's sentence is
 * part of its passage; searching it here too was most of this index's cost, issue 23), so it holds no searchable
 * text, and with none, no word positions: proximity precision costs nothing either way here; it follows the
 * pipeline's so that one setting describes both indexes.
 */
export function figureSettings(proximity: Proximity = 'word'): Settings {
  return {
    searchableAttributes: [],
    proximityPrecision: PROXIMITY_PRECISION[proximity],
    displayedAttributes: ['*'],
    // User filters, `passageId` (queries through passages, re-index), id and docId (stale-record removal).
    filterableAttributes: [
      'id',
      'unit',
      'kind',
      'status',
      'qualifier',
      'period',
      'year',
      'doc',
      'docId',
      'place',
      'org',
      'passageId',
      'dateNum',
      'month',
      'source',
      'currency',
      'change',
    ],
    sortableAttributes: [],
    facetSearch: false,
    typoTolerance: { enabled: false },
    pagination: { maxTotalHits: MAX_TOTAL_HITS.figures },
    faceting: { maxValuesPerFacet: 500 },
  };
}

/** Settings Meilisearch updates field by field: what an update leaves out keeps its value (and its defaults). */
const MERGED = new Set(['typoTolerance', 'faceting', 'pagination']);
/** Lists Meilisearch holds as sets (it returns them sorted); searchableAttributes, by contrast, is a ranking. */
const SETS = new Set([
  'displayedAttributes',
  'filterableAttributes',
  'sortableAttributes',
  'dictionary',
  'stopWords',
  'separatorTokens',
  'nonSeparatorTokens',
  'synonyms',
]);

/** A setting's value with object keys sorted, and with `sets`, every list sorted too. */
function canonical(value: unknown, sets: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v, sets));
    return sets ? items.map((v) => JSON.stringify(v)).sort() : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v, sets)]),
    );
  }
  return value;
}

const same = (a: unknown, b: unknown, sets: boolean) => JSON.stringify(canonical(a, sets)) === JSON.stringify(canonical(b, sets));

/**
 * The settings of `wanted` that an update would change in `current` (an index's settings as Meilisearch
 * returns them: sets sorted, objects filled with defaults). Sending one that changes nothing still queues a
 * task, and a settings change can re-index every document.
 */
export function settingsToChange(current: Settings, wanted: Settings): Settings {
  const have = current as Record<string, unknown>;
  const changes = Object.entries(wanted).filter(([key, value]) => {
    if (MERGED.has(key) && value && typeof value === 'object') {
      const held = (have[key] ?? {}) as Record<string, unknown>;
      return Object.entries(value).some(([field, v]) => !same(held[field], v, false));
    }
    // Synonyms' keys, and the words of each, are a set.
    return !same(have[key], value, SETS.has(key));
  });
  return Object.fromEntries(changes) as Settings;
}

/** Creates an index if needed and updates the settings that differ (a settings change re-indexes). */
async function prepareIndex(client: Meilisearch, uid: string, settings: Settings): Promise<Index> {
  const index = client.index(uid);
  let exists = true;
  try {
    await index.getRawInfo();
  } catch {
    exists = false;
  }
  if (!exists) await settle(client, (await client.createIndex(uid, { primaryKey: 'id' })).taskUid);
  const changes = settingsToChange(await index.getSettings(), settings);
  if (Object.keys(changes).length) await settle(client, (await index.updateSettings(changes)).taskUid);
  return index;
}

export async function prepareIndexes(
  client: Meilisearch,
  names: IndexNames & { proximity?: Proximity },
  vocabulary: Vocabulary,
): Promise<{ passages: Index; figures: Index }> {
  const passages = await withRetry('preparing the passages index', () => prepareIndex(client, names.passages, passageSettings(vocabulary, names.proximity)));
  const figures = await withRetry('preparing the figures index', () => prepareIndex(client, names.figures, figureSettings(names.proximity)));
  return { passages, figures };
}
