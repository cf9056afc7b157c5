import type { Block, Format, ParseMessage, ParseOptions, ParseResult, Root } from './model.js';
import { RstBlockParser } from './rst/blocks.js';
import { parseMarkdown } from './markdown/index.js';
import { shift, SourceMap } from './source.js';

// Each signal is tested once over up to 200,000 characters, so none may
// backtrack over more than a line or a run: where `^\s*` could span blank
// lines (from every line start of them: 100,000 blank lines took 14 s), a
// signal skips only the spaces of its own line (`H`), which finds the same
// lines; `](…)` is a scan (the regular expression rescanned the rest of a
// `](](](…` run from every `](`).
const H = String.raw`[^\S\n\r\u2028\u2029]`;
const MD_SIGNALS: Array<{ test(text: string): boolean }> = [
  /^#{1,6} \S/m, // ATX heading
  new RegExp(String.raw`^${H}*<(?:table|a name=|div|p|ul|ol|img)\b`, 'im'), // HTML blocks
  { test: hasInlineLink }, // [text](url)
  /^```/m, // fenced code
  new RegExp(String.raw`^${H}*\|.*\|[^\S\n]*\n\s*\|\s*:?-{3,}`, 'm'), // GFM table
];
const RST_SIGNALS: RegExp[] = [
  /^\.\. [\w|_[-]/m, // explicit markup
  /^([=\-~^"'`#*+:.])\1{3,}\s*$/m, // adornment line
  /:(?:ref|doc|numref):`/, // Sphinx roles
  new RegExp(String.raw`^${H}*\+-{3,}[-+]*\+\s*$`, 'm'), // grid table border
  /^:[\w-]+: \S/m, // field list
  /`__?(?:\s|$)/m, // hyperlink reference
];

const LINK_RUN = /[^)\s]*/y;

/** Whether `text` has `](`, one or more characters other than `)` and whitespace, and `)`: what `/\]\([^)\s]+\)/` finds. */
function hasInlineLink(text: string): boolean {
  let i = text.indexOf('](');
  while (i >= 0) {
    const from = i + 2;
    LINK_RUN.lastIndex = from;
    LINK_RUN.exec(text);
    const end = LINK_RUN.lastIndex;
    if (end > from && text.charCodeAt(end) === 41 /* ) */) return true;
    // A later `](` inside the same run ends at the same place.
    i = text.indexOf('](', end);
  }
  return false;
}

/**
 * Pick the format: from `options.format`, else the path's extension
 * (`.rst`, `.md`/`.markdown`), else the content (Markdown headings, HTML
 * blocks and `[text](url)` links against RST adornments, explicit markup
 * and roles); plain text is RST.
 */
export function detectFormat(text: string, path?: string): Format {
  const ext = path === undefined ? undefined : /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'rst' || ext === 'rest') return 'rst';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return 'markdown';
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let md = 0;
  let rst = 0;
  for (const signal of MD_SIGNALS) if (signal.test(sample)) md++;
  for (const signal of RST_SIGNALS) if (signal.test(sample)) rst++;
  return md > rst ? 'markdown' : 'rst';
}

/**
 * Parse reStructuredText or Markdown into the docdrift document model.
 * Never throws: problems become `messages` with a position. An unexpected
 * failure inside the parser becomes an `internal-error` message and an empty
 * tree (a bug to report, not a property of the input).
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const source = typeof text === 'string' ? text : String(text ?? '');
  const map = new SourceMap(source);
  const messages: ParseMessage[] = [];
  const format = options.format ?? detectFormat(source, options.path);
  let children: Block[];
  try {
    if (format === 'markdown') {
      children = parseMarkdown(source, map, messages);
    } else {
      const lines = map.lines();
      const first = lines[0];
      if (first && first.text.charCodeAt(0) === 0xfeff) lines[0] = shift(first, 1);
      children = new RstBlockParser(map, messages).parseDocument(lines);
    }
  } catch (error) {
    const position = map.position(0, 0);
    const why = error instanceof Error ? error.message : String(error);
    messages.push({
      severity: 'error',
      code: 'internal-error',
      message: `docdrift could not parse this ${format === 'rst' ? 'reStructuredText' : 'Markdown'} document (${why}). Please report it with the input.`,
      position,
      line: 1,
      column: 1,
    });
    children = [];
  }
  const root: Root = { type: 'root', format, children, position: map.position(0, source.length) };
  if (options.path !== undefined) root.path = options.path;
  messages.sort((a, b) => a.position.start.offset - b.position.start.offset);
  return { root, messages };
}
