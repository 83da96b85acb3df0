// Characters the number reader looks for (多 余 几 点 分 之 又 负 两 零 下 折), and layout spaces inside a number.

export const SPACE = 0x20;

const MAX_SPACES = 4;

const C = (ch: string): number => ch.charCodeAt(0);

export const DUO = C('多');

export const YU = C('余');

export const JI = C('几');

export const DIAN = C('点');

export const FEN = C('分');

export const ZHI = C('之');

export const YOU = C('又');

export const FU = C('负');

export const LIANG = C('两');

export const LING = C('零');

export const XIA = C('下');

export const ZHE = C('折');

export function skipSpaces(s: string, pos: number): number {
  let p = pos;
  while (p < s.length && p - pos < MAX_SPACES && s.charCodeAt(p) === SPACE) p++;
  return s.charCodeAt(p) === SPACE ? pos : p;
}
