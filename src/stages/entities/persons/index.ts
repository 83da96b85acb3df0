// Person names beyond the dictionary: every rule of persons/ run over a passage, and the evidence filter.
import type { Candidate, TagContext } from '../types.js';
import { transliterationRuns, interpunctNames } from './foreign-names.js';
import { japaneseNames } from './japanese-names.js';
import { headlineRuns, enumerations, doublesPairs } from './lists.js';
import { splitNames, surnameTitles, gluedSurnames } from './surnames.js';
import { fromTags } from './tagged.js';
import { afterTitles, beforeSpeech } from './titled-names.js';

export { incrediblePersons } from './evidence.js';

/** Every person rule over the passage; the candidates overlap, resolve() and incrediblePersons() sort them. */
export function recognizePersons(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  fromTags(ctx, out);
  japaneseNames(ctx, out);
  splitNames(ctx, out);
  surnameTitles(ctx, out);
  gluedSurnames(ctx, out);
  transliterationRuns(ctx, out);
  afterTitles(ctx, out);
  beforeSpeech(ctx, out);
  interpunctNames(ctx, out);
  headlineRuns(ctx, out);
  doublesPairs(ctx, out);
  enumerations(ctx, out);
  return out;
}
