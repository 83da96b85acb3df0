// Per-word features, computed once per distinct word and shared by every rule. The rules make some thirty
// passes over a passage's tokens, and each used to repeat the same regexes, spreads and lookups on the same
// words; a passage's words are mostly words seen before, so each is now looked up once in a table and every
// rule reads its features from there. The table is per dictionary (features hold dictionary hits) and is
// emptied when it grows past a bound, so memory stays flat however many distinct words a corpus has.
import type { EntityDictionaries, SurfaceHit } from './dictionary.js';
import { indexSuffixes, suffixOf } from './dictionary.js';
import { jiebaLexicon, type LexiconEntry } from './lexicon.js';
import { TRANSLITERATION } from './transliteration.js';

const CJK = /^[\u3400-\u9fff]+$/;
const PUNCT = /^[^\u3400-\u9fffA-Za-z0-9]+$/;

/** Levels of administration that name a body of their own level without the place: 市科协, 镇卫生院, 区党委. */
export const LEVELS = new Set(['省', '市', '县', '区', '乡', '镇', '村', '州', '旗', '盟', '自治区', '自治州', '自治县']);
const LEVEL_LIST = [...LEVELS];

/** A table of the given characters by UTF-16 code: a test at every token or character without a string. */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let k = 0; k < chars.length; k++) table[chars.charCodeAt(k)] = 1;
  return table;
}

/** A test of a whole word that a rule asks of every token; run once per distinct word (wordClass). */
type WordTest = (text: string, dicts: EntityDictionaries) => boolean;
const classTests: WordTest[] = [];
let wordsMade = false;

/**
 * Registers a class of words for the rules (speech verbs, one-character surnames, facility words …) and
 * returns its bit for Word.is: each word is tested once, when it enters the table, instead of at every
 * token by every rule. Classes are defined as the rule modules load, before any word is made.
 */
export function wordClass(test: WordTest): number {
  if (wordsMade) throw new Error('wordClass: word classes must be defined before the first word is read');
  if (classTests.length >= 31) throw new Error('wordClass: at most 31 word classes');
  classTests.push(test);
  return 1 << (classTests.length - 1);
}

/** Tables derived from one set of dictionaries, built on first use. */
export class DictionaryTables {
  readonly orgIndex: Map<string, string[]>;
  readonly placeIndex: Map<string, string[]>;
  /** Titles of two or more characters by last character: a word ending in one is a title (县委书记). */
  readonly titleIndex: Map<string, string[]>;
  /** Last units of the titles two UTF-16 units long. */
  readonly twoCharTitleEnds: Set<string>;
  /** Unblocked one-character places by UTF-16 code: 1 + index into `singleList`, 0 for none. */
  private readonly singleSlot = new Uint16Array(0x10000);
  private readonly singleList: { canonical: string }[] = [];
  private readonly words = new Map<string, Word>();

  constructor(readonly dicts: EntityDictionaries) {
    this.orgIndex = indexSuffixes(dicts.orgSuffixes);
    this.placeIndex = indexSuffixes(dicts.placeSuffixes);
    this.titleIndex = indexSuffixes(dicts.titles.filter((t) => t.length >= 2));
    this.twoCharTitleEnds = new Set([...dicts.titleSet].filter((t) => t.length === 2).map((t) => t.slice(1)));
    for (const [surface, hit] of dicts.surfaces) {
      if (surface.length === 1 && hit.type === 'place' && !dicts.blocked.has(surface)) {
        const code = surface.charCodeAt(0);
        const at = this.singleSlot[code] as number;
        // A later surface of the same character replaces the earlier one (as Map.set did).
        if (at) this.singleList[at - 1] = { canonical: hit.canonical };
        else this.singleSlot[code] = this.singleList.push({ canonical: hit.canonical });
      }
    }
  }

  /** The one-character place of the dictionaries at UTF-16 code `code` (of charCodeAt), or undefined. */
  single(code: number): { canonical: string } | undefined {
    const at = this.singleSlot[code];
    return at ? this.singleList[at - 1] : undefined;
  }

  /** The features of `text`, from the table or computed now. */
  word(text: string): Word {
    let w = this.words.get(text);
    if (!w) {
      if (this.words.size >= MAX_WORDS) this.words.clear();
      w = new Word(text, this);
      this.words.set(text, w);
    }
    return w;
  }
}

/** Distinct words kept per dictionary: some 20 MB at most, and more than a day's news holds. */
const MAX_WORDS = 200_000;

const tables = new WeakMap<EntityDictionaries, DictionaryTables>();

export function tablesOf(dicts: EntityDictionaries): DictionaryTables {
  let t = tables.get(dicts);
  if (!t) {
    t = new DictionaryTables(dicts);
    tables.set(dicts, t);
  }
  return t;
}

/**
 * One distinct word and what the rules ask of it. The cheap answers are computed with the word; the rest
 * on first use (`undefined` until then).
 */
export class Word {
  /** Han characters only (CJK unified ideographs and extension A). */
  readonly cjk: boolean;
  /** No Han character, Latin letter or digit. */
  readonly punct: boolean;
  /** The dictionary name or alias this word is, if any. */
  readonly hit: SurfaceHit | undefined;
  readonly blocked: boolean;
  /** A title of titles.txt (书记, 教授). */
  readonly title: boolean;
  /** Every character is one of transliterated names (true for the empty word, as `every` is). */
  readonly translit: boolean;
  /** One UTF-16 unit that ends a two-unit title (长 of 部长): the title may be cut across it (商务部/长). */
  readonly endsTwoCharTitle: boolean;
  /** Bits of the word classes (wordClass) this word is in. */
  private readonly classes: number;
  private lexicon?: LexiconEntry | null;
  private placeRunValue?: boolean;
  private abbreviatedValue?: boolean;
  private titleWordValue?: boolean;
  private surnameValue?: number;
  private japaneseValue?: string;
  private orgSuffixValue?: string | null;
  private placeSuffixValue?: string | null;
  private levelValue?: string | null;

  constructor(
    readonly text: string,
    private readonly tables: DictionaryTables,
  ) {
    const dicts = tables.dicts;
    this.cjk = CJK.test(text);
    this.punct = PUNCT.test(text);
    this.hit = dicts.surfaces.get(text);
    this.blocked = dicts.blocked.has(text);
    this.title = dicts.titleSet.has(text);
    this.translit = [...text].every((ch) => TRANSLITERATION.has(ch));
    this.endsTwoCharTitle = text.length === 1 && tables.twoCharTitleEnds.has(text);
    wordsMade = true;
    let classes = 0;
    for (let k = 0; k < classTests.length; k++) if ((classTests[k] as WordTest)(text, dicts)) classes |= 1 << k;
    this.classes = classes;
  }

  /** In the word class of `bit` (from wordClass). */
  is(bit: number): boolean {
    return (this.classes & bit) !== 0;
  }

  /** jieba's main dictionary entry (frequency, POS tag). */
  get lex(): LexiconEntry | undefined {
    if (this.lexicon === undefined) this.lexicon = jiebaLexicon().get(this.text) ?? null;
    return this.lexicon ?? undefined;
  }

  /** Every character is a place of the dictionaries (苏浙皖, 江淮): a run of places, no name. */
  get placeRun(): boolean {
    const surfaces = this.tables.dicts.surfaces;
    return (this.placeRunValue ??= [...this.text].every((ch) => surfaces.get(ch)?.type === 'place'));
  }

  /** Two or more characters, each an unblocked one-character place (中非, 港澳): a run of abbreviations. */
  get abbreviated(): boolean {
    if (this.abbreviatedValue === undefined) {
      let all = this.text.length >= 2;
      for (let k = 0; all && k < this.text.length; k++) if (!this.tables.single(this.text.charCodeAt(k))) all = false;
      this.abbreviatedValue = all;
    }
    return this.abbreviatedValue;
  }

  /** A title, or a word ending in one (县委书记, 市委副书记), or a profession in 家 (音乐家, not 国家). */
  get titleWord(): boolean {
    if (this.titleWordValue === undefined) {
      const word = this.text;
      this.titleWordValue =
        this.title ||
        (word.length >= 3 &&
          ((word.endsWith('家') && !word.endsWith('国家') && !word.endsWith('人家') && this.lex?.tag === 'n') || !!suffixOf(this.tables.titleIndex, word)));
    }
    return this.titleWordValue;
  }

  /** Length of the surname the word starts with: 2 for a compound one (欧阳, if 3+ characters), 1, or 0. */
  get surname(): number {
    if (this.surnameValue === undefined) {
      const { compoundSurnames, surnames } = this.tables.dicts;
      const text = this.text;
      this.surnameValue = text.length >= 3 && compoundSurnames.has(text.slice(0, 2)) ? 2 : surnames.has(text.slice(0, 1)) ? 1 : 0;
    }
    return this.surnameValue;
  }

  /** The Japanese surname the word starts with, longest first (3 or 2 characters), or ''. */
  get japaneseSurname(): string {
    if (this.japaneseValue === undefined) {
      const { japaneseSurnames } = this.tables.dicts;
      this.japaneseValue = '';
      for (const n of [3, 2]) {
        if (japaneseSurnames.has(this.text.slice(0, n))) {
          this.japaneseValue = this.text.slice(0, n);
          break;
        }
      }
    }
    return this.japaneseValue;
  }

  /** The longest organization suffix the word ends with (公司, 大学, 局). */
  get orgSuffix(): string | undefined {
    if (this.orgSuffixValue === undefined) this.orgSuffixValue = suffixOf(this.tables.orgIndex, this.text) ?? null;
    return this.orgSuffixValue ?? undefined;
  }

  /** The longest place suffix the word ends with (省, 市, 镇, 湖). */
  get placeSuffix(): string | undefined {
    if (this.placeSuffixValue === undefined) this.placeSuffixValue = suffixOf(this.tables.placeIndex, this.text) ?? null;
    return this.placeSuffixValue ?? undefined;
  }

  /** The level of administration the word starts with and goes on after (区 of 区党委), if any. */
  get level(): string | undefined {
    if (this.levelValue === undefined) this.levelValue = LEVEL_LIST.find((l) => this.text.startsWith(l) && this.text.length > l.length) ?? null;
    return this.levelValue ?? undefined;
  }
}
