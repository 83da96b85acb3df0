// Names after a title or in a byline (书记陈吉宁, 记者 许丛军 沈吟) and before a speech verb (相伟说).
import type { Candidate, TagContext } from '../types.js';
import { Tier } from '../types.js';
import { wordClass, type Word } from '../words.js';
import { AFTER_NAME, titleToken } from './cues.js';
import { readNameAt } from './read-name.js';
import { CJK, GLUED_AFTER, isBodyWord, looksLikeWordName, person } from './shape.js';

/** A speech verb or a title (相伟说, 习近平同志, 书记): the word before it may be a name. */
const SPEECH_OR_TITLE = wordClass((text, dicts) => AFTER_NAME.has(text) || dicts.titleSet.has(text));

/** 书记陈吉宁, 记者 许丛军 沈吟, 董事长薛敏: a title word, then names (space-separated in bylines). */
export function afterTitles(ctx: TagContext, out: Candidate[]): void {
  const { text, tokens } = ctx;
  tokens.forEach((t, i) => {
    if (!titleToken(ctx, i)) return;
    let at = t.end;
    let spaced = false;
    while (text[at] === ' ' || text[at] === '\u3000') {
      at++;
      spaced = true;
    }
    for (let n = 0; n < 8; n++) {
      const end = readNameAt(ctx, at);
      if (end < 0) break;
      // The name must end where a token ends, or the words after it would be cut.
      const afterEnd = text[end] ?? '';
      // A speech verb or particle glued after the name's last character (…江说/x) is cut off too.
      const gluedEnd = GLUED_AFTER.has(afterEnd) && (ctx.tokenEndingAt[end + 1] ?? -1) >= 0;
      if (!spaced && CJK.test(afterEnd) && (ctx.tokenEndingAt[end] ?? -1) < 0 && !gluedEnd) break;
      out.push(person(at, end, text, Tier.rule));
      if (!spaced) break;
      // Bylines: further names separated by spaces (记者 齐中熙 何欣荣 樊曦).
      let next = end;
      while (text[next] === ' ' || text[next] === '\u3000') next++;
      if (next === end) break;
      at = next;
    }
    void i;
  });
}

/** Name before a speech verb or an honorific: 相伟说, 骆大进表示, 习近平同志. */
export function beforeSpeech(ctx: TagContext, out: Candidate[]): void {
  const { text, tokens } = ctx;
  tokens.forEach((t, i) => {
    if (!(ctx.words[i] as Word).is(SPEECH_OR_TITLE) || i === 0) return;
    const prev = tokens[i - 1];
    if (!prev || prev.end !== t.start) return;
    if (prev.text.endsWith('老')) return;
    if (looksLikeWordName(ctx.words[i - 1] as Word) && (prev.tag === 'x' || prev.tag.startsWith('nr')) && !isBodyWord(prev.text))
      out.push(person(prev.start, prev.end, text, Tier.rule));
  });
}
