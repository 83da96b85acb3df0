// Reading one written number at a position of folded text: Arabic (1,234.5, 2.5e3), Chinese numerals with
// their units (一千零五, 三千万点七, 8万亿, 十多万), digit strings (二〇二五), adjacent-digit ranges (两三,
// 十七八), fractions (三分之一, 百分之五, 1/3, 三又二分之一) and signs (负, -). Each call looks at the
// characters it consumes plus a bounded lookahead, so scanning a text is linear.
export { type NumberSpan, type UnitProbe, decimalSpan } from './span.js';
export { mayStartNumber, readNumber } from './read.js';
