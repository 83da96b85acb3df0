// `zhpipe search "<query>"`: ranked passages in the script of the query, matches highlighted.
import { Command } from 'commander';
import { InputError } from '../errors.js';
import { parseFilter } from '../search/filter.js';
import { FacetName, search, SearchRequest, type SearchResponse } from '../search/search.js';
import { Script } from '../enums.js';
import { loadRegional } from '../vocabulary.js';
import { collect, pipelineOf, withSearchEndpoint } from './context.js';
import { terminalSafe } from '../formats/output.js';
import { resolveFromProject } from '../pipeline/config.js';

function render(response: SearchResponse, color: boolean): string {
  const out: string[] = [];
  const { query } = response;
  const others = query.forms.slice(1);
  const shown = query.simplified !== query.text || others.length ? ` (searched as ${[query.simplified, ...others].join(' | ')})` : '';
  out.push(terminalSafe(`${response.total} passage(s) for "${query.text}"${shown}`));
  if (response.hits.some((h) => h.matched === 'partial')) out.push('No passage holds every word: these hold most of them.');
  out.push('');
  response.hits.forEach((hit, i) => {
    // Each piece made safe on its own, so only our own marks reach the terminal as escapes.
    const text = hit.highlight
      .split(/(<\/?mark>)/)
      .map((piece) =>
        piece === '<mark>' ? (color ? '\x1b[1;33m' : '【') : piece === '</mark>' ? (color ? '\x1b[0m' : '】') : terminalSafe(unescapeHtml(piece)),
      )
      .join('');
    const partial = hit.matched === 'partial' ? '  (partial)' : '';
    // Title, date and source first when the document has them; the file and offsets still say where it is.
    const about = [hit.title, hit.date, hit.source].filter((v) => v).join(' · ');
    if (about) out.push(terminalSafe(`${i + 1}. ${about}${partial}`), terminalSafe(`   ${hit.doc}:${hit.line}  [${hit.start}-${hit.end}]  ${hit.id}`));
    else out.push(terminalSafe(`${i + 1}. ${hit.doc}:${hit.line}  [${hit.start}-${hit.end}]  ${hit.id}${partial}`));
    out.push(`   ${text}`);
    const entities = [...hit.person, ...hit.place, ...hit.org];
    if (entities.length) out.push(terminalSafe(`   · ${entities.join(' · ')}`));
    // Said once, under the last passage shown of its document.
    if (hit.more > 0 && !response.hits.slice(i + 1).some((h) => h.doc === hit.doc)) out.push(`   … ${hit.more} more in this document`);
    out.push('');
  });
  for (const [facet, counts] of Object.entries(response.facets)) {
    const top = Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15);
    out.push(terminalSafe(`${facet}: ${top.map(([k, n]) => `${k} (${n})`).join(', ') || '—'}`));
  }
  return out.join('\n') + '\n';
}

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function searchCommand(): Command {
  return new Command('search')
    .description('search the indexed passages in simplified or traditional Chinese')
    .argument('<query>', 'keywords, in either script')
    .option('--json', 'print the DESIGN.md JSON response')
    .option('--limit <n>', 'hits to return (1-100)', '10')
    .option('--offset <n>', 'hits to skip', '0')
    .option('--per-doc <n>', 'at most this many passages of one document (0: no limit)', '2')
    .option('--filter <expr>', 'FIELD OP VALUE (place = 上海, year >= 2024, has:target); repeatable, AND-ed', collect)
    .option('--facets <names>', `facet counts to print: ${FacetName.options.join(',')}`)
    .option('--script <script>', "show results in simplified or traditional (default: the query's script)")
    .option('--sort <order>', 'relevance, date (oldest first) or -date (newest first)', 'relevance')
    .option('--pipeline <file>', 'pipeline definition (index names, dictionaries)', 'pipeline/default.json')
    .action(
      async (
        query: string,
        options: {
          json?: boolean;
          limit: string;
          offset: string;
          perDoc: string;
          filter?: string[];
          facets?: string;
          script?: string;
          sort: string;
          pipeline: string;
        },
        command: Command,
      ) => {
        const config = pipelineOf(options.pipeline);
        const limit = Number(options.limit);
        const offset = Number(options.offset);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new InputError(`--limit ${options.limit}: expected a whole number from 1 to 100`);
        if (!Number.isInteger(offset) || offset < 0) throw new InputError(`--offset ${options.offset}: expected a whole number ≥ 0`);
        const perDoc = Number(options.perDoc);
        if (!Number.isInteger(perDoc) || perDoc < 0 || perDoc > 100) throw new InputError(`--per-doc ${options.perDoc}: expected a whole number from 0 to 100`);
        const facets = (options.facets ?? '')
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
          .map((f) => {
            const parsed = FacetName.safeParse(f);
            if (!parsed.success) throw new InputError(`--facets: unknown facet "${f}" (one of ${FacetName.options.join(', ')})`);
            return parsed.data;
          });
        let script: Script | undefined;
        if (options.script !== undefined) {
          const parsed = Script.safeParse(options.script);
          if (!parsed.success) throw new InputError(`--script ${options.script}: expected simplified or traditional`);
          script = parsed.data;
        }
        const sort = SearchRequest.shape.sort.safeParse(options.sort);
        if (!sort.success) throw new InputError(`--sort ${options.sort}: expected relevance, date or -date`);
        const filter = (options.filter ?? []).flatMap(parseFilter);
        const regional = loadRegional(resolveFromProject(config.dictionaries));
        const request = { q: query, limit, offset, perDoc, facets, filter, sort: sort.data, ...(script ? { script } : {}) };
        const response = await withSearchEndpoint(command, (target) => search({ client: { config: target }, index: config.index.passages, regional }, request));
        process.stdout.write(options.json ? JSON.stringify(response) + '\n' : render(response, Boolean(process.stdout.isTTY)));
      },
    );
}
