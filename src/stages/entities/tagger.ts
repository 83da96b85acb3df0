// The entities stage: dictionary longest match + segmenter POS tags + rules, resolved so the longest
// mention wins and nothing overlaps (a place inside an organization name is not a mention of its own).
import type { Token } from '../../schema.js';
import { simplifiedReading } from '../../text/fold.js';
import { recognizeAbbreviations } from './abbreviations.js';
import { compoundOrgs } from './compound-orgs.js';
import { buildContext as context } from './context.js';
import { countryFullNames, describedByCountry } from './countries.js';
import { dictionaryCandidates } from './dictionary-names.js';
import type { EntityDictionaries } from './dictionary.js';
import { facilities } from './facilities.js';
import { foreignAdminPlaces, foreignPlaces } from './foreign-places.js';
import { gluedPlaces } from './glued-places.js';
import { withOrdinals } from './numbered-sessions.js';
import { partyCentres } from './party-centres.js';
import { incrediblePersons, recognizePersons } from './persons/index.js';
import { placeShapedNames } from './place-shaped-names.js';
import {
  congressSpans,
  recognizeGluedCommittees,
  recognizeLevelPrefixedOrgs,
  recognizeListedOrgs,
  recognizeMissions,
  recognizeOrgUnits,
  recognizePeriodicals,
  recognizeQuotedOrgs,
  recognizeOrgSuffixes,
  recognizePlacePrefixedOrgs,
  recognizePlaceSuffixes,
  recognizeSmallPlaces,
  recognizeTeams,
} from './suffixes/index.js';
import { posCandidates } from './tagged-names.js';
import { type Candidate, type LocalMention, Tier } from './types.js';

/** A place word that only counts places: an optional preposition, numerals, an administrative suffix. */
const COUNTED_PLACE = /^[从在向对到与和由]?[一二三四五六七八九十两几]+(?:省|市|县|区|镇|乡|村|州)$/;

/** Longest first, then the more trusted source; rule guesses may not cut across a dictionary name. */
export function resolve(candidates: Candidate[], dicts: EntityDictionaries, text: string): Candidate[] {
  const usable = candidates.filter((c) => c.end > c.start && !dicts.blocked.has(text.slice(c.start, c.end)));
  const anchors = usable.filter((c) => c.tier === Tier.dictionary);
  const crosses = (a: Candidate, b: Candidate) =>
    a.start < b.end && b.start < a.end && !(a.start <= b.start && a.end >= b.end) && !(b.start <= a.start && b.end >= a.end);
  const kept = usable.filter((c) => c.tier === Tier.dictionary || !anchors.some((d) => crosses(c, d)));
  kept.sort((a, b) => b.end - b.start - (a.end - a.start) || b.tier - a.tier || a.start - b.start);
  const taken = new Uint8Array(text.length + 1);
  const chosen: Candidate[] = [];
  for (const c of kept) {
    let free = true;
    for (let k = c.start; k < c.end; k++)
      if (taken[k]) {
        free = false;
        break;
      }
    if (!free) continue;
    for (let k = c.start; k < c.end; k++) taken[k] = 1;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export interface TagOptions {
  /**
   * The whole document the passage belongs to: a name guessed without a title or a verb of saying counts
   * as a person when the document names it twice (a passage alone is its own document otherwise).
   */
  document?: string;
}

/** The simplified reading of the last document seen: a document's passages are tagged one after another. */
let lastDocument: { text: string; reading: string } | undefined;

function documentReading(text: string): string {
  if (lastDocument?.text !== text) lastDocument = { text, reading: simplifiedReading(text) };
  return lastDocument.reading;
}

/**
 * Tags persons, places and organizations in `text` (one passage) given its segmenter tokens.
 * Offsets index into `text`; map them to the document with spanToSource(passage.map, …).
 */
export function tagEntities(text: string, tokens: Token[], dicts: EntityDictionaries, options: TagOptions = {}): LocalMention[] {
  // The lexicons and rules are simplified: a traditional passage is read through its simplified copy (same
  // offsets), as the segmenter read it; mentions keep the passage's own characters.
  const reading = simplifiedReading(text);
  const ctx = context(reading, tokens, dicts, options.document === undefined ? reading : documentReading(options.document));

  const candidates = [
    ...dictionaryCandidates(ctx),
    ...countryFullNames(ctx),
    ...posCandidates(ctx),
    // Before the persons: an enumerated company wins over the same word read as a name.
    ...recognizeListedOrgs(ctx),
    ...recognizePersons(ctx),
    ...recognizeOrgSuffixes(ctx),
    ...recognizePlacePrefixedOrgs(ctx),
    ...recognizePeriodicals(ctx),
    ...recognizeTeams(ctx),
    ...recognizeQuotedOrgs(ctx),
    ...recognizeGluedCommittees(ctx),
    ...recognizeSmallPlaces(ctx),
    ...recognizePlaceSuffixes(ctx),
    ...recognizeAbbreviations(ctx),
  ];
  candidates.push(...withOrdinals(ctx, candidates), ...partyCentres(ctx, candidates), ...foreignPlaces(ctx), ...foreignAdminPlaces(ctx));
  candidates.push(...facilities(ctx, candidates), ...placeShapedNames(ctx, candidates));
  candidates.push(...recognizeOrgUnits(ctx, candidates));
  candidates.push(...compoundOrgs(ctx, candidates));
  candidates.push(...recognizeLevelPrefixedOrgs(ctx, candidates));
  candidates.push(...recognizeMissions(ctx, candidates));
  const described = describedByCountry(ctx, candidates);
  const glued = gluedPlaces(ctx, candidates);
  // 东京时间, 格林尼治时间: a clock, not the place.
  const clocks = candidates.filter((c) => c.type === 'place' && reading.startsWith('时间', c.end));
  // 十八大, 党的二十大: congresses are events; no mention overlaps them.
  const congresses = congressSpans(ctx);
  const inCongress = candidates.filter((c) => congresses.some((g) => c.start < g.end && g.start < c.end));
  // 三省一市, 从三省, 几区: a numeral before an administrative suffix counts places; no rule makes it a name.
  const counted = candidates.filter((c) => c.type === 'place' && c.tier !== Tier.dictionary && COUNTED_PLACE.test(reading.slice(c.start, c.end)));
  const dropped = new Set([
    ...described.filter((c) => c.type === 'org'),
    ...glued.drop,
    ...clocks,
    ...incrediblePersons(ctx, candidates),
    ...inCongress,
    ...counted,
  ]);
  const kept = [...candidates.filter((c) => !dropped.has(c)), ...described.filter((c) => c.type === 'place'), ...glued.add];
  return resolve(kept, dicts, reading).map((c) => {
    const surface = reading.slice(c.start, c.end);
    // A rule-found mention that happens to be a dictionary alias still gets the dictionary's canonical,
    // unless the rule resolved it itself (乌 of 乌中两国 after 乌拉圭).
    const hit = c.tier === Tier.dictionary || c.canonical !== surface ? undefined : dicts.surfaces.get(surface);
    const canonical = hit && hit.type === c.type ? hit.canonical : c.canonical;
    return { start: c.start, end: c.end, type: c.type, text: text.slice(c.start, c.end), canonical };
  });
}
