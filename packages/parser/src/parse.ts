import type { Block, Format, ParseMessage, ParseOptions, ParseResult, Root } from './model.js';
import { RstBlockParser } from './rst/blocks.js';
import { parseMarkdown } from './markdown/index.js';
import { shift, SourceMap } from './source.js';

const MD_SIGNALS: RegExp[] = [
  /^#{1,6} \S/m, // ATX heading
  /^\s*<(?:table|a name=|div|p|ul|ol|img)\b/im, // HTML blocks
  /\]\([^)\s]+\)/, // [text](url)
  /^```/m, // fenced code
  /^\s*\|.*\|\s*\n\s*\|\s*:?-{3,}/m, // GFM table
];
const RST_SIGNALS: RegExp[] = [
  /^\.\. [\w|_[-]/m, // explicit markup
  /^([=\-~^"'`#*+:.])\1{3,}\s*$/m, // adornment line
  /:(?:ref|doc|numref):`/, // Sphinx roles
  /^\s*\+-{3,}[-+]*\+\s*$/m, // grid table border
  /^:[\w-]+: \S/m, // field list
  /`__?(?:\s|$)/m, // hyperlink reference
];

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
  for (const re of MD_SIGNALS) if (re.test(sample)) md++;
  for (const re of RST_SIGNALS) if (re.test(sample)) rst++;
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
