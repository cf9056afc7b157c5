/**
 * Text of aligned units (paragraphs, list items, table cells, headings,
 * captions) as the drift rules compare it: plain text without markup, and a
 * comparison key that ignores formatting-only differences — whitespace and
 * line wrapping, bold/italic markers, RST vs HTML markup, list markers,
 * smart vs straight quotes, dashes, letter case and punctuation, images.
 */
import type { Block, Inline, Position } from '@docdrift/parser';

/** A reference inside a text unit. */
export interface UnitRef {
  /** `ref`, `numref`, `doc` (cross-references) or `link` (hyperlinks). */
  kind: 'ref' | 'numref' | 'doc' | 'link';
  /** Normalised label (`ref`/`numref`), document path (`doc`) or URL (`link`). */
  target: string;
  /** The reference's text as shown. */
  text: string;
  /** Whether a cross-reference gives its text (`:ref:`Text <label>``) rather than showing its target's title. */
  explicit?: boolean;
  /** A Markdown link's page part (`other.md` of `other.md#anchor`; '' for `#anchor`, an anchor on the same page). */
  path?: string;
  /** The URL as written, for a reference written as a Markdown link. */
  url?: string;
  position: Position | undefined;
}

/** A reference text that is a number: "Table 2", "Figure 1", "Fig. 3", a step "5" or "3.a". */
const NUMBERED = /^(?:(?:table|figure|fig\.?|step)\s*)?\d+(?:\.[a-z0-9]+)*$/i;

/** Resolves the text an implicit `:ref:` shows (its target's title), when known. */
export type RefTitle = (label: string) => string | undefined;

interface Acc {
  out: string;
  /** The text as compared: like `out`, but an implicit :ref: (whose text is its target's title) counts as one neutral word. */
  cmp: string;
  refs: UnitRef[];
  start: Position['start'] | undefined;
  end: Position['end'] | undefined;
}

function touch(acc: Acc, pos: Position | undefined): void {
  if (!pos) return;
  if (!acc.start || pos.start.offset < acc.start.offset) acc.start = pos.start;
  if (!acc.end || pos.end.offset > acc.end.offset) acc.end = pos.end;
}

function inlines(nodes: readonly Inline[], acc: Acc, refTitle: RefTitle | undefined): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
      case 'role':
        acc.out += n.value;
        acc.cmp += n.value;
        touch(acc, n.position);
        break;
      case 'break':
        acc.out += ' ';
        acc.cmp += ' ';
        break;
      case 'image':
      case 'substitutionReference':
      case 'target':
        // Images (and |image1| substitutions) are not words; anchors are not text.
        break;
      case 'crossReference': {
        const implicit = !n.explicit && n.role !== 'doc';
        const text = implicit ? (refTitle?.(n.label) ?? plain(n.children)) : plain(n.children);
        acc.out += text;
        // An implicit reference shows its target's title: that wording belongs to the target page, not to
        // this text. "Table 2" is numbering, which differs when a variant gains a table (ref-target-drift
        // compares what the reference points at).
        acc.cmp += implicit || NUMBERED.test(text.trim()) ? ' xref ' : text;
        acc.refs.push({ kind: n.role, target: n.label, text: collapse(text), explicit: !implicit, position: n.position });
        touch(acc, n.position);
        break;
      }
      case 'link': {
        const before = acc.out.length;
        const beforeCmp = acc.cmp.length;
        inlines(n.children, acc, refTitle);
        const text = acc.out.slice(before);
        if (NUMBERED.test(text.trim())) acc.cmp = `${acc.cmp.slice(0, beforeCmp)} xref `;
        acc.refs.push({ ...linkTarget(n.url), text: collapse(text), explicit: true, url: n.url, position: n.position });
        touch(acc, n.position);
        break;
      }
      default:
        inlines(n.children, acc, refTitle);
    }
  }
}

/**
 * A Markdown link inside the documentation set is a cross-reference: `[Table 2](#table26517876)`
 * points at an anchor (a label), `[x](other-topic.md)` at a page. Absolute URLs stay links.
 */
function linkTarget(url: string): Pick<UnitRef, 'kind' | 'target' | 'path'> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return { kind: 'link', target: url };
  const hash = url.indexOf('#');
  const anchor = hash >= 0 ? url.slice(hash + 1) : '';
  const path = hash >= 0 ? url.slice(0, hash) : url;
  if (anchor !== '') return { kind: 'ref', target: safeDecode(anchor).toLowerCase(), path };
  if (/\.(md|rst|html?)$/i.test(path)) return { kind: 'doc', target: path };
  return { kind: 'link', target: url };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function plain(nodes: readonly Inline[]): string {
  const acc: Acc = { out: '', cmp: '', refs: [], start: undefined, end: undefined };
  inlines(nodes, acc, undefined);
  return acc.out;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export interface ExtractedText {
  /** Plain text, whitespace collapsed, quotes and dashes straightened. */
  text: string;
  /** The text as compared (implicit references neutral); defaults to `text`. */
  cmp?: string;
  refs: UnitRef[];
  /** From the first to the last character of text (undefined when the node has none). */
  position: Position | undefined;
}

/** Plain text of inline content. */
export function inlineUnit(nodes: readonly Inline[], refTitle?: RefTitle): ExtractedText {
  const acc: Acc = { out: '', cmp: '', refs: [], start: undefined, end: undefined };
  inlines(nodes, acc, refTitle);
  return finish(acc);
}

/**
 * Plain text of blocks (a table cell's content): paragraphs and list items
 * joined by spaces, list markers dropped, code and comments skipped.
 */
export function blocksUnit(blocks: readonly Block[], refTitle?: RefTitle): ExtractedText {
  const acc: Acc = { out: '', cmp: '', refs: [], start: undefined, end: undefined };
  const walk = (bs: readonly Block[]): void => {
    for (const b of bs) {
      switch (b.type) {
        case 'paragraph':
        case 'heading':
          inlines(b.children, acc, refTitle);
          acc.out += ' ';
          acc.cmp += ' ';
          break;
        case 'list':
          for (const item of b.children) walk(item.children);
          break;
        case 'definitionList':
          for (const item of b.children) {
            inlines(item.term, acc, refTitle);
            acc.out += ' ';
            acc.cmp += ' ';
            walk(item.children);
          }
          break;
        case 'section':
        case 'blockquote':
        case 'admonition':
        case 'directive':
        case 'figure':
          walk(b.children);
          break;
        case 'table':
          for (const row of b.children) for (const cell of row.children) walk(cell.children);
          break;
        default:
          break;
      }
    }
  };
  walk(blocks);
  return finish(acc);
}

function finish(acc: Acc): ExtractedText {
  const text = display(acc.out);
  const position = acc.start && acc.end ? { start: acc.start, end: acc.end } : undefined;
  return { text, cmp: acc.cmp, refs: acc.refs, position };
}

const QUOTES_DASHES = /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u2010-\u2015\u2212\u00ad\u200b-\u200d\u2060\ufeff]/;
const STRAIGHT: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"' };

/** Straighten quotes and dashes, drop invisible characters, collapse whitespace, no space before punctuation. */
export function display(s: string): string {
  let out = s;
  if (QUOTES_DASHES.test(out)) {
    out = out.replace(/[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u2010-\u2015\u2212\u00ad\u200b-\u200d\u2060\ufeff]/g, (c) =>
      STRAIGHT[c] ?? (c >= '\u2010' && c <= '\u2212' && c !== '\u2060' ? '-' : ''),
    );
  }
  if (/[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]| {2}/.test(out)) out = out.replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ');
  if (/ [,.;:!?)\]]|[([] /.test(out)) out = out.replace(/ ([,.;:!?)\]])/g, '$1').replace(/([([]) /g, '$1');
  return out.trim();
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const ASCII_TOKEN_RE = /[a-z0-9]+/g;
const NON_ASCII = /[^\t-~]/;

/** The words of a text for comparison: letters and digits, lower-cased (punctuation and case are formatting). */
export function tokens(text: string): string[] {
  // "5,000" and "5000" are the same number (digit grouping is formatting).
  const lower = (/\d[,\u00a0\u202f]\d{3}/.test(text) ? text.replace(/(\d)[,\u00a0\u202f](?=\d{3}(?!\d))/g, '$1') : text).toLowerCase();
  return lower.match(NON_ASCII.test(lower) ? TOKEN_RE : ASCII_TOKEN_RE) ?? [];
}

/** Whether `tokens(text)` would find a word, without building the list (what `tokens` matches, case-insensitively). */
export function hasToken(text: string): boolean {
  return NON_ASCII.test(text) ? /[\p{L}\p{N}]/u.test(text.toLowerCase()) : /[a-z0-9]/i.test(text);
}

/** A comparison key: the tokens joined by one space. Two texts with the same key differ only in formatting. */
export function compareKey(text: string): string {
  return tokens(text).join(' ');
}

/** Token multiset as counts, for similarity. */
export function bag(toks: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of toks) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Dice coefficient of two token multisets (0 … 1; 1 when both are empty). */
export function dice(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, sizeA: number, sizeB: number): number {
  if (sizeA === 0 && sizeB === 0) return 1;
  if (sizeA === 0 || sizeB === 0) return 0;
  // Over the smaller bag, without an entry array per word (this runs for every candidate pair).
  const small = a.size <= b.size ? a : b;
  const big = small === a ? b : a;
  let inter = 0;
  small.forEach((n, t) => {
    const m = big.get(t);
    if (m) inter += m < n ? m : n;
  });
  return (2 * inter) / (sizeA + sizeB);
}

/** Shorten a text for a message: at most `max` characters, cut at a word boundary. */
export function clip(s: string, max = 60): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max / 2 ? cut.slice(0, sp) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
