import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/stages/clean.js';
import { toSource } from '../../src/text/offsets.js';
import { readSource } from '../../src/stages/read.js';
import type { Passage, SourceDoc } from '../../src/schema.js';
import { CORPUS } from '../helpers.js';

const OPTIONS = { maxPassageChars: 400 };

function seed(name: string): { source: SourceDoc; passages: Passage[] } {
  const source = readSource(`corpus/${name}`, readFileSync(path.join(CORPUS, name)));
  return { source, passages: clean(source, OPTIONS) };
}

function fromText(text: string, options = OPTIONS): Passage[] {
  return clean(readSource('t.txt', Buffer.from(text)), options);
}

const squeeze = (s: string) => s.replace(/<[^>]+>/g, '').replace(/[\s\u3000]+/g, '');

describe('clean: paragraphs broken by layout are rebuilt', () => {
  it('joins a sentence broken across a blank line (seed 000: 2024年长 / 三角平均优良天数比率84.5%)', () => {
    const { passages } = seed('000_8000c266c3075ea6.txt');
    expect(passages.some((p) => p.text.includes('2024年长三角平均优良天数比率84.5%'))).toBe(true);
  });

  it('joins the narrow columns of seed 004 into whole sentences', () => {
    const { passages } = seed('004_9c34a97e38f5307b.txt');
    const texts = passages.map((p) => p.text);
    expect(texts.some((t) => t.includes('“一键找桩”已经不是难事。但如果上高速、出浙江,充换电还方便吗?'))).toBe(true);
    expect(texts.some((t) => t.includes('门诊慢特病跨省直接结算病种扩增至8个以上,争取社区(乡镇)卫生服务中心以上的医院全部实现跨省异地直接结算。'))).toBe(true);
  });

  it('joins a line cut mid-word before a blank line (seed 002: 习近平 / 总书记)', () => {
    const { passages } = seed('002_d8061d6351e6a6d4.txt');
    expect(passages.some((p) => p.text.includes('陈吉宁在致辞时说,习近平总书记关于长三角一体化发展'))).toBe(true);
  });

  it('keeps headlines and bylines of the lead as separate heading passages', () => {
    const { passages } = seed('002_d8061d6351e6a6d4.txt');
    const headings = passages.filter((p) => p.heading).map((p) => p.text);
    expect(headings).toContain('深入推进长三角一体化发展');
    expect(headings).toContain('长三角一体化发展高层论坛举行');
    expect(passages.find((p) => p.text.startsWith('本报讯'))?.heading).toBe(false);
  });

  it('recognizes Markdown headings', () => {
    const { passages } = seed('004_9c34a97e38f5307b.txt');
    expect(passages.find((p) => p.text === '生活更便捷')?.heading).toBe(true);
  });

  it('does not join a finished sentence to the next paragraph', () => {
    const passages = fromText('第一段写完了。\n\n第二段另起一行,内容更长一些。');
    expect(passages.map((p) => p.text)).toEqual(['第一段写完了。', '第二段另起一行,内容更长一些。']);
  });

  it('joins the first body line of a PDF page, cut mid-word before any sentence end, to the lines after it', () => {
    const text = '年度報告\n\n二〇二四年，香港經濟穩步復甦，香港貿易\n發展局在亞太地區舉辦推廣活動，並與香港交易\n所合作。';
    const passages = fromText(text);
    expect(passages.map((p) => [p.text, p.heading])).toEqual([
      ['年度報告', true],
      ['二〇二四年，香港經濟穩步復甦，香港貿易發展局在亞太地區舉辦推廣活動，並與香港交易所合作。', false],
    ]);
    // The joined passage maps back over the removed breaks: its span is the three lines of the source.
    const body = passages[1] as Passage;
    expect(text.slice(body.start, body.end)).toBe(text.slice(text.indexOf('二〇'), text.length));
    const at = body.text.indexOf('貿易發展局');
    expect([toSource(body.map, at + 2), toSource(body.map, at + 3)]).toEqual([text.indexOf('\n發') + 1, text.indexOf('\n發') + 2]);
  });

  it('keeps a headline with a comma apart from a byline or a line without running text', () => {
    const passages = fromText('推動區域合作，打造高質量發展新高地\n本報記者 張三\n\n今年以來，各地推進合作。');
    expect(passages.map((p) => p.text)).toEqual(['推動區域合作，打造高質量發展新高地', '本報記者 張三', '今年以來，各地推進合作。']);
  });

  it('never joins a dateline onto the line before', () => {
    const passages = fromText('开头的句子已经结束。\n\n会议强调要推动科技创新和产业创新跨区域协同发展\n\n本报讯 6月7日上午,论坛在南京举行。');
    expect(passages.at(-1)?.text.startsWith('本报讯')).toBe(true);
  });
});

describe('clean: duplicates, splitting, offsets, ids', () => {
  it('drops paragraphs repeated verbatim within a document (seed 000 repeats two)', () => {
    const { passages } = seed('000_8000c266c3075ea6.txt');
    expect(passages.filter((p) => p.text.includes('本次大会是方厅水院竣工后,首次承接大型国际性会议'))).toHaveLength(1);
    expect(passages.filter((p) => p.text.includes('下午的四场平行论坛分别设在方厅水院安徽馆'))).toHaveLength(1);
  });

  it('splits an overlong paragraph at sentence ends', () => {
    const sentence = '长三角一体化发展取得显著成效。';
    const passages = fromText(sentence.repeat(30), { maxPassageChars: 100 });
    expect(passages.length).toBeGreaterThan(4);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(100);
      expect(p.text.endsWith('。')).toBe(true);
    }
  });

  it('gives every passage offsets into the original text (modulo removed layout breaks and markup)', () => {
    for (const name of ['000_8000c266c3075ea6.txt', '004_9c34a97e38f5307b.txt', '003_6ab91b46e2dce4c7.txt']) {
      const { source, passages } = seed(name);
      for (const p of passages) expect(squeeze(source.original.slice(p.start, p.end))).toBe(squeeze(p.text));
    }
  });

  it('maps every passage character to the same character of the original', () => {
    const { source, passages } = seed('004_9c34a97e38f5307b.txt');
    for (const p of passages) {
      const pairs = p.map;
      for (let i = 0; i < p.text.length; i++) {
        let src = i;
        for (const [at, s] of pairs) if (at <= i) src = s + (i - at);
        expect(source.original[src]).toBe(p.text[i]);
      }
    }
  });

  it('derives stable ids from document and content', () => {
    const a = seed('001_5101c8e2da40accb.txt').passages.map((p) => p.id);
    const b = seed('001_5101c8e2da40accb.txt').passages.map((p) => p.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    const other = clean(readSource('corpus/other.txt', readFileSync(path.join(CORPUS, '001_5101c8e2da40accb.txt'))), OPTIONS);
    expect(other[0]?.id).not.toBe(a[0]);
  });

  it('detects the script of a traditional document', () => {
    const passages = fromText('全年長三角區域要新建公共充電樁超7萬個。');
    expect(passages[0]?.script).toBe('traditional');
  });
});

describe('clean: zero-width characters', () => {
  it('drops them from passages, the offset map still pointing every character at its source', () => {
    const source = '全年要新建公共充\u200b电\u200d桩超7万个\ufeff。';
    const [passage] = fromText(source);
    expect(passage?.text).toBe('全年要新建公共充电桩超7万个。');
    const text = passage?.text ?? '';
    for (let i = 0; i < text.length; i++) expect(source[toSource(passage?.map ?? [], i)], `character ${i}`).toBe(text[i]);
  });
});
