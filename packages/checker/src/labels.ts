/**
 * Label helpers: docutils ids (the `#anchor` of a label on the published
 * site) and a light scanner that finds a page's labels, `:original_name:`
 * and title without parsing it (used for pages loaded only as context).
 */

/** docutils `make_id`: lowercase, each run of characters other than letters and digits becomes one `-`, trimmed. */
export function docutilsId(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Sphinx label normalisation: whitespace collapsed, lower-cased. */
export function normLabel(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface ScannedLabel {
  name: string;
  label: string;
  /** 1-based line and column, 0-based offset of the definition. */
  line: number;
  column: number;
  offset: number;
  context: 'block' | 'list-item' | 'table-cell' | 'html' | 'option';
}

export interface ScanResult {
  labels: ScannedLabel[];
  originalName: string | undefined;
  title: string | undefined;
  /** Labels right above the title (RST) or anchors inside the first heading (Markdown). */
  pageLabels: string[];
  /**
   * The title's content words (`Page.titleWords`), in the scans a run keeps for the next one
   * (`--cache`), which then need not stem every context page's title again.
   */
  titleWords?: string[];
}

/** `.. _name:` at block level, indented (list items, directives) or inside a grid-table cell (`| .. _x: |`). */
const RST_LABEL = /\.\. _(`[^`\n]+`|[^:`\n|][^:\n|]*?):(?=[ \t]|$)/my;
const RST_NAME_OPTION = /^[ \t|]+:name:[ \t]+(\S[^\n|]*?)[ \t]*\|?[ \t]*$/gm;
const HTML_ANCHOR = /<[a-zA-Z][^>]*?\s(?:name|id)\s*=\s*["']([^"']+)["']/g;
const ADORNMENT = /^([=\-`:'"~^_*+#<>.])\1*[ \t]*$/;

/**
 * Find a page's labels, `:original_name:`, title and page labels without
 * parsing it. It errs on the side of finding too many labels (labels in
 * literal blocks and comments count), never too few: the label index is
 * built from it, and an index that misses labels would make `broken-ref`
 * report references that Sphinx resolves.
 */
export function scanPage(text: string, format: 'rst' | 'markdown'): ScanResult {
  return { labels: scanLabels(text, format), ...scanHeader(text, format) };
}

/** The labels of a page (see `scanPage`). */
export function scanLabels(text: string, format: 'rst' | 'markdown'): ScannedLabel[] {
  const labels: ScannedLabel[] = [];
  const loc = lineLocator(text);
  const at_ = (offset: number): { line: number; column: number; offset: number } => {
    const line = loc(offset);
    return { line, column: offset - loc.start(line) + 1, offset };
  };
  if (format === 'rst') {
    // `.. _name:` found with indexOf (a regex with a leading alternation tries every position: 5x slower).
    for (let at = text.indexOf('.. _'); at >= 0; at = text.indexOf('.. _', at + 4)) {
      const prev = at === 0 ? '\n' : text.charAt(at - 1);
      if (prev !== '\n' && prev !== ' ' && prev !== '\t' && prev !== '|') continue;
      RST_LABEL.lastIndex = at;
      const m = RST_LABEL.exec(text);
      if (!m) continue;
      let name = (m[1] as string).trim();
      if (name.startsWith('`')) name = name.slice(1, -1);
      if (name === '_' || name === '') continue; // anonymous target `.. __:`
      const p = at_(at);
      const before = text.slice(loc.start(p.line), at);
      const context = before.includes('|') ? 'table-cell' : before.trim() === '' && before.length > 0 ? 'list-item' : 'block';
      labels.push({ name, label: normLabel(name), ...p, context });
    }
    if (text.includes(':name:')) for (const m of text.matchAll(RST_NAME_OPTION)) {
      const name = m[1] as string;
      labels.push({ name, label: normLabel(name), ...at_(m.index + m[0].indexOf(':name:')), context: 'option' });
    }
    if (/\s(?:name|id)\s*=/.test(text)) {
      for (const m of text.matchAll(HTML_ANCHOR)) labels.push({ name: m[1] as string, label: normLabel(m[1] as string), ...at_(m.index), context: 'html' });
    }
  } else {
    for (const m of text.matchAll(HTML_ANCHOR)) {
      const name = m[1] as string;
      labels.push({ name, label: normLabel(name), ...at_(m.index), context: 'html' });
    }
  }
  return labels;
}

/**
 * What is at the top of a page: `:original_name:`, title and page labels
 * (see `scanPage`). Cheap: variant pairing reads it for every page, also
 * for the context pages of a one-file run, whose labels are never needed.
 */
export function scanHeader(text: string, format: 'rst' | 'markdown'): Omit<ScanResult, 'labels'> {
  let originalName: string | undefined;
  let title: string | undefined;
  const pageLabels: string[] = [];
  if (format === 'rst') {
    const on = /^:original_name:[ \t]+(\S+)/m.exec(text.slice(0, 4000));
    if (on) originalName = (on[1] as string).replace(/\.html?$/, '');
    // Title: the first text line followed by an adornment line (optionally with an overline).
    const lines = text.slice(0, 20000).split('\n');
    const pending: string[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const line = (lines[i] as string).replace(/\r$/, '');
      const lm = /^\.\. _([^:]+):\s*$/.exec(line);
      if (lm) pending.push(normLabel((lm[1] as string).replace(/^`|`$/g, '')));
      const next = (lines[i + 1] as string).replace(/\r$/, '');
      if (line.trim() !== '' && !ADORNMENT.test(line) && ADORNMENT.test(next) && next.trim().length >= line.trim().length) {
        title = plainTitle(line);
        pageLabels.push(...pending);
        break;
      }
      if (line.trim() !== '' && !lm && !line.startsWith(':') && !line.startsWith('..') && !ADORNMENT.test(line)) pending.length = 0;
    }
  } else {
    const h = /^#[ \t]+([^\n]*)$/m.exec(text);
    if (h) {
      const heading = h[1] as string;
      for (const a of heading.matchAll(HTML_ANCHOR)) pageLabels.push(normLabel(a[1] as string));
      title = heading
        .replace(/<[^>]*>/g, '')
        .replace(/[*_`]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    }
  }
  return { originalName, title, pageLabels };
}

/** A title line without inline markup: `**x**`, ``x``, `:role:`x``, `x`_. */
function plainTitle(line: string): string {
  return line
    .replace(/:[a-zA-Z][\w+.:-]*:`([^`<]*?)(?:\s*<[^>]*>)?`/g, '$1')
    .replace(/`([^`<]*?)(?:\s*<[^>]*>)?`__?/g, '$1')
    .replace(/\*\*([^*]+)\*\*|\*([^*]+)\*|``([^`]+)``/g, (_m, a, b, c) => a ?? b ?? c)
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Returns a function mapping a 0-based offset to its 1-based line (with `.start(line)` → the line's first offset). */
export function lineLocator(text: string): ((offset: number) => number) & { start(line: number): number } {
  let starts: number[] | undefined;
  const build = (): number[] => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    return starts;
  };
  const f = (offset: number): number => {
    const st = build();
    let lo = 0;
    let hi = st.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((st[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  f.start = (line: number): number => build()[line - 1] ?? 0;
  return f;
}
