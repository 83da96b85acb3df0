// Shared types of the entities stage. Mention and EntityType come from the schemas (the single source).
import type { Mention, EntityType, Token } from '../../schema.js';
import type { EntityDictionaries } from './dictionary.js';
import type { DictionaryTables, Word } from './words.js';

/** A mention whose `start`/`end` index into the text that was tagged (a passage), not yet the document. */
export type LocalMention = Omit<Mention, 'doc'>;

/**
 * How much a candidate is trusted when candidates overlap: dictionary and strong patterns (a title before
 * a name, a headline run) beat rules built on suffixes, which beat bare segmenter POS tags.
 */
export const Tier = { pos: 1, rule: 2, dictionary: 3 } as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  canonical: string;
  tier: Tier;
}

/** What every recognizer gets: the text, its tokens, and helpers over them. */
export interface TagContext {
  text: string;
  /** The whole document the passage is part of, in the same reading (the passage itself when not given). */
  document: string;
  tokens: Token[];
  dicts: EntityDictionaries;
  /** Token index starting at a text index, or -1. */
  tokenAt: Int32Array;
  /** Token index ending at a text index (exclusive end), or -1. */
  tokenEndingAt: Int32Array;
  /** Index of the token covering each character, or -1. */
  tokenOf: Int32Array;
  /** The features of each token's word, by token index (words.ts). */
  words: Word[];
  /** Tables derived from `dicts`, and the word features of any other text (`tables.word(text)`). */
  tables: DictionaryTables;
}

export type { EntityType, Token };
