// HTML pages: the article's title and main text (Mozilla's Readability over a linkedom DOM, so navigation,
// scripts, comments and page furniture are left out), and what the page's <meta> tags say about it: the
// publication date (article:published_time, pubdate, PubDate, datePublished, <time datetime>…), the site,
// the author, the canonical URL. No regular expressions over markup.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { NO_META, type DocMeta } from '../../schema.js';
import { normalizeDate } from '../../text/dates.js';

/** The part of the DOM this module reads (the project compiles without the DOM library's types). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}
interface DomDocument {
  title: string;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  body: DomNode | null;
}

const ELEMENT = 1;
const TEXT = 3;
// Elements that end a paragraph: their text is set apart by a blank line, so the clean stage sees paragraphs.
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'TR',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'HEADER',
  'FOOTER',
  'ASIDE',
]);
// Never text, in the fallback as in Readability's output.
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'NAV', 'FORM', 'BUTTON', 'SELECT']);
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
// A line break in the page's source between two Chinese characters is layout, not a space.
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

/** The text of a node: paragraphs separated by blank lines, runs of white space as one space. */
function textOf(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i];
      if (!child) continue;
      if (child.nodeType === TEXT) parts.push((child.textContent ?? '').replace(/\s+/g, ' '));
      if (child.nodeType !== ELEMENT || NOT_TEXT.has(child.nodeName.toUpperCase())) continue;
      const tag = child.nodeName.toUpperCase();
      if (tag === 'BR') {
        parts.push('\n');
        continue;
      }
      const block = BLOCKS.has(tag);
      if (block) parts.push('\n\n');
      walk(child);
      if (block) parts.push('\n\n');
    }
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim().replace(SPACE_IN_CJK, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// <meta> names and properties that state a publication date, best first (compared lower-cased).
const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'dc.date.issued',
  'dc.date',
  'dcterms.date',
  'date',
  'article:modified_time',
];
const SOURCE_META = ['og:site_name', 'contentsource', 'source', 'sitename', 'application-name'];
const AUTHOR_META = ['author', 'article:author', 'dc.creator'];
const TITLE_META = ['og:title', 'twitter:title', 'articletitle'];

/** The page's <meta> content by name, property or itemprop, lower-cased keys. */
function metaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i];
    const content = meta?.getAttribute('content')?.trim();
    if (!meta || !content) continue;
    for (const attr of ['name', 'property', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

function first(tags: Map<string, string>, names: string[]): string | null {
  for (const name of names) {
    const value = tags.get(name);
    if (value) return value;
  }
  return null;
}

function attributeOf(document: DomDocument, selector: string, attribute: string): string | null {
  const found = document.querySelectorAll(selector)[0];
  return found?.getAttribute(attribute)?.trim() || null;
}

export interface HtmlPage {
  text: string;
  meta: DocMeta;
}

/** The article of a decoded HTML page and what the page says about it. */
export function readHtml(html: string): HtmlPage {
  const document: DomDocument = parseHTML(html).document;
  const tags = metaTags(document);
  // Read before Readability, which takes the document apart.
  const pageTitle = first(tags, TITLE_META) ?? (document.title.trim() || null);
  const timeDate = attributeOf(document, 'time[datetime]', 'datetime');
  const canonical = attributeOf(document, 'link[rel="canonical"]', 'href') ?? first(tags, ['og:url']);
  const metaDate = first(tags, DATE_META);
  const fallbackText = document.body ? textOf(document.body) : '';
  const article = new Readability<string>(document as never, { serializer: (node) => textOf(node as DomNode) }).parse();
  const dateText = metaDate ?? article?.publishedTime ?? timeDate;
  const source = first(tags, SOURCE_META) ?? article?.siteName ?? null;
  let title = pageTitle ?? article?.title ?? null;
  // "标题 - 新华网": the site's name is the source, not part of the title.
  if (title && source) title = title.replace(new RegExp(`\\s*[-_|–—]\\s*${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`), '') || title;
  const text = article?.content?.trim() || fallbackText;
  return {
    text,
    meta: {
      ...NO_META,
      title,
      date: dateText ? normalizeDate(dateText) : null,
      dateText: dateText ?? null,
      source,
      url: canonical,
      author: first(tags, AUTHOR_META) ?? article?.byline ?? null,
    },
  };
}
