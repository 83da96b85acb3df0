import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, readSource, stripMarkup, UnreadableFileError } from '../../src/stages/read.js';
import { toSource } from '../../src/text/offsets.js';

const SIMPLIFIED = '全年长三角区域要新建公共充电桩超7万个，充电桩比率达到1.9之内。';
const TRADITIONAL = '全年長三角區域要新建公共充電樁超7萬個，充電樁比率達到1.9之內。臺灣的積體電路產業';

describe('read: encodings', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decode(Buffer.from(SIMPLIFIED, 'utf8'))).toEqual({ text: SIMPLIFIED, encoding: 'utf-8' });
  });

  it('decodes UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED, 'utf8')]);
    expect(decode(bytes)).toEqual({ text: SIMPLIFIED, encoding: 'utf-8' });
  });

  it('detects and decodes GB18030 (simplified text)', () => {
    expect(decode(iconv.encode(SIMPLIFIED, 'gb18030'))).toEqual({ text: SIMPLIFIED, encoding: 'gb18030' });
  });

  it('detects and decodes GBK-range text as GB18030', () => {
    const text = '长三角一体化发展高层论坛在上海举行';
    expect(decode(iconv.encode(text, 'gbk')).text).toBe(text);
  });

  it('detects and decodes Big5 (traditional text)', () => {
    expect(decode(iconv.encode(TRADITIONAL, 'big5'))).toEqual({ text: TRADITIONAL, encoding: 'big5' });
  });

  it('refuses an empty file', () => {
    expect(() => decode(new Uint8Array())).toThrow(UnreadableFileError);
    expect(() => decode(new Uint8Array())).toThrow(/empty/);
  });

  it('refuses a file of only white space', () => {
    expect(() => readSource('blank.txt', Buffer.from(' \n\n\u3000\n'))).toThrow(/empty/);
  });

  it('refuses a binary file (NUL bytes)', () => {
    expect(() => decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toThrow(/binary/);
  });
});

describe('read: markup', () => {
  it('reads PM<sub>2.5</sub> as PM2.5 and maps offsets back to the original', () => {
    const original = '优良天数比率84.5%;PM<sub>2.5</sub>平均浓度31.7微克/立方米';
    const { text, map } = stripMarkup(original);
    expect(text).toBe('优良天数比率84.5%;PM2.5平均浓度31.7微克/立方米');
    const two = text.indexOf('2.5');
    expect(original[toSource(map, two)]).toBe('2');
    const after = text.indexOf('平均');
    expect(original.slice(toSource(map, after), toSource(map, after) + 2)).toBe('平均');
  });

  it('decodes entities and turns block tags into line breaks', () => {
    const { text } = stripMarkup('<p>上海&amp;江苏</p><p>浙江&#23433;徽&nbsp;</p>');
    expect(text).toBe('\n上海&江苏\n\n浙江安徽\u00a0\n');
  });

  it('leaves text without markup untouched (identity map)', () => {
    const { text, map } = stripMarkup('a < b 且 c > d');
    expect(text).toBe('a < b 且 c > d');
    expect(toSource(map, 5)).toBe(5);
  });
});
