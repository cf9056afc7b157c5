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
  /** 1-based line of the definition. */
  line: number;
  context: 'block' | 'html' | 'option';
}

export interface ScanResult {
  labels: ScannedLabel[];
  originalName: string | undefined;
  title: string | undefined;
  /** Labels right above the title (RST) or anchors inside the first heading (Markdown). */
  pageLabels: string[];
}

const RST_LABEL = /^[ \t]*\.\. _(`[^`]+`|[^:`\n][^\n]*?):[ \t]*$/gm;
const RST_NAME_OPTION = /^[ \t]+:name:[ \t]+(\S[^\n]*?)[ \t]*$/gm;
const HTML_ANCHOR = /<a\s[^>]*?\bname\s*=\s*["']([^"']+)["']/gi;
const ADORNMENT = /^([=\-`:'"~^_*+#<>.])\1{2,}[ \t]*$/;

/** Find labels without parsing. Errs on the side of finding too many (labels in code blocks count). */
export function scanPage(text: string, format: 'rst' | 'markdown'): ScanResult {
  const labels: ScannedLabel[] = [];
  const lineAt = lineLocator(text);
  let originalName: string | undefined;
  let title: string | undefined;
  const pageLabels: string[] = [];
  if (format === 'rst') {
    for (const m of text.matchAll(RST_LABEL)) {
      let name = m[1] as string;
      if (name.startsWith('`')) name = name.slice(1, -1);
      if (name === '_') continue; // anonymous target `.. __:`
      labels.push({ name, label: normLabel(name), line: lineAt(m.index), context: 'block' });
    }
    for (const m of text.matchAll(RST_NAME_OPTION)) {
      const name = m[1] as string;
      labels.push({ name, label: normLabel(name), line: lineAt(m.index), context: 'option' });
    }
    const on = /^:original_name:[ \t]+(\S+)/m.exec(text.slice(0, 2000));
    if (on) originalName = (on[1] as string).replace(/\.html?$/, '');
    // Title: the first text line followed (or framed) by an adornment line.
    const lines = text.slice(0, 20000).split('\n');
    const pending: string[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const line = lines[i] as string;
      const lm = /^\.\. _([^:]+):\s*$/.exec(line);
      if (lm) pending.push(normLabel(lm[1] as string));
      const next = lines[i + 1] as string;
      if (line.trim() !== '' && !ADORNMENT.test(line) && !/^\s/.test(line) && ADORNMENT.test(next) && next.trim().length >= line.trim().length - 1) {
        title = line.trim().replace(/\s+/g, ' ');
        pageLabels.push(...pending);
        break;
      }
      if (line.trim() !== '' && !lm && !line.startsWith(':') && !line.startsWith('..') && !ADORNMENT.test(line)) pending.length = 0;
    }
  } else {
    for (const m of text.matchAll(HTML_ANCHOR)) {
      const name = m[1] as string;
      labels.push({ name, label: normLabel(name), line: lineAt(m.index), context: 'html' });
    }
    const h = /^#[ \t]+([^\n]*)$/m.exec(text);
    if (h) {
      const heading = h[1] as string;
      for (const a of heading.matchAll(HTML_ANCHOR)) pageLabels.push(normLabel(a[1] as string));
      title = heading.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    }
  }
  return { labels, originalName, title, pageLabels };
}

/** Returns a function mapping a 0-based offset to its 1-based line. */
export function lineLocator(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
