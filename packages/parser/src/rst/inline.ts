/**
 * reStructuredText inline markup: emphasis, strong, literals, roles
 * (`:ref:`, `:doc:`, `:numref:` and any other), hyperlink references,
 * standalone URLs, substitution references and backslash escapes.
 *
 * The scanner follows docutils' inline markup recognition rules (start-string
 * preceded by whitespace or opening punctuation and followed by
 * non-whitespace; end-string preceded by non-whitespace and followed by
 * whitespace or closing punctuation). It runs in linear time: a search for an
 * end-string that failed once is not repeated from a later start.
 */
import type { CrossReference, Inline, Link, Point, Position } from '../model.js';
import type { SourceMap, Line } from '../source.js';
import { END_SUFFIX_CLASS, isEndSuffixCode, isStartPrefixCode, isWhitespaceCode, matchChars } from './punctuation.js';

/** Normalise a reference name the way docutils/Sphinx compare labels. */
export function normalizeLabel(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The code point that ends just before index `i` (both halves of a
 * surrogate pair); a space at the start of the text, where markup may start.
 */
function codeBefore(text: string, i: number): number {
  if (i <= 0) return 32;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** The code point at index `j`; -1 past the end of the text. */
function codeAt(text: string, j: number): number {
  return j >= text.length ? -1 : (text.codePointAt(j) as number);
}

/** Whether a start-string may follow what is before index `i` (docutils' `start_string_prefix`). */
function startPrefixAt(text: string, i: number): boolean {
  return isStartPrefixCode(codeBefore(text, i));
}

/** Whether an end-string may be followed by what is at index `j` (docutils' `end_string_suffix`; the end of the text too). */
function endSuffixAt(text: string, j: number): boolean {
  const c = codeAt(text, j);
  return c < 0 || isEndSuffixCode(c);
}

/** ASCII letters and digits (the `h`/`f`/`m` URL starts are handled before this is asked). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}


/** Joined text of several source lines, with a mapping back to source offsets. */
export class InlineSource {
  readonly text: string;
  /** Index in `text` where each line starts. */
  private readonly starts: number[];

  constructor(
    readonly lines: Line[],
    readonly map: SourceMap,
  ) {
    const n = lines.length;
    const starts = new Array<number>(n);
    let pos = 0;
    for (let k = 0; k < n; k++) {
      starts[k] = pos;
      pos += (lines[k] as Line).text.length + 1;
    }
    this.starts = starts;
    // One line (most cells, titles, terms) is its own text: no join.
    this.text = n === 1 ? (lines[0] as Line).text : lines.map((l) => l.text).join('\n');
  }

  /** The line of the last lookup: inline nodes are mapped in source order. */
  private cur = 0;

  /** Index of the line that holds index `i` of the joined text. */
  private lineOf(i: number): number {
    const starts = this.starts;
    const c = this.cur;
    if ((starts[c] as number) <= i && (c + 1 >= starts.length || i < (starts[c + 1] as number))) return c;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    this.cur = lo;
    return lo;
  }

  /** Source offset of index `i` of the joined text. */
  source(i: number): number {
    const lo = this.lineOf(i);
    const line = this.lines[lo];
    if (!line) return 0;
    return line.offset + Math.min(i - (this.starts[lo] as number), line.text.length);
  }

  /** The point of index `i` (or just past it, `after`), computed from its line without searching the source. */
  private point(i: number, after: boolean): Point {
    const lo = this.lineOf(i);
    const line = this.lines[lo];
    if (!line) return this.map.point(0);
    const k = i - (this.starts[lo] as number);
    // the joined '\n' between two lines: let the source map say where the next line starts
    if (k >= line.text.length) {
      const o = line.offset + line.text.length + (after ? 1 : 0);
      // after the line's end: on the same line, or (just past the terminator) on the next
      return this.map.pointNear(o, after ? line.line + 1 : line.line);
    }
    const d = after ? k + 1 : k;
    return { line: line.line, column: line.col + d + 1, offset: line.offset + d };
  }

  position(start: number, end: number): Position {
    if (end <= start) {
      const p = this.point(start, false);
      return { start: p, end: { ...p } };
    }
    // The end is exclusive: map the last character, then step past it.
    return { start: this.point(start, false), end: this.point(end - 1, true) };
  }
}

/** The end-strings `findEnd` looks for. */
type Delimiter = '*' | '**' | '`' | '``' | '|';

interface Scan {
  src: InlineSource;
  text: string;
  out: Inline[];
  /** Start of pending plain text. */
  textStart: number;
  /**
   * Per end-string: the smallest start from which a search for it failed
   * (Infinity: none failed yet). Fields of the scan, not a Map: a scan is
   * made for every paragraph and cell.
   */
  failedStar: number;
  failedStrong: number;
  failedBackquote: number;
  failedLiteral: number;
  failedBar: number;
  /**
   * A run of role-name characters (`[\w+.:-]`) found by `rolePrefix`:
   * `[runStart, runEnd)`. Every `:` of a run like `:a::a::a:` is a possible
   * role start; measuring the run once keeps them linear.
   */
  runStart: number;
  runEnd: number;
  /** Where the last markup ended (-1: none yet). */
  markupEnd: number;
}

/** Unescape backslash escapes: `\*` → `*`, backslash-space and backslash-newline vanish. */
export function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\([\s\S]?)/g, (_m, c: string) => (c === ' ' || c === '\n' ? '' : c));
}

/**
 * Whether markup may start at `i`: after whitespace, an opener or a
 * delimiter, or right where the previous markup ended (docutils goes on
 * with the rest of the text as a new string, whose start counts as the
 * start of text: `**a**:ref:\`b\`` is strong text and a reference).
 */
function mayStartAt(s: Scan, i: number): boolean {
  return i === s.markupEnd || startPrefixAt(s.text, i);
}

function canStart(s: Scan, i: number, len: number): boolean {
  const text = s.text;
  if (!mayStartAt(s, i)) return false;
  const next = codeAt(text, i + len);
  if (next < 0 || isWhitespaceCode(next)) return false;
  // "quoted": between an opener and its closer, like `"*"` or `(*)`
  return i === 0 || i === s.markupEnd || !matchChars(text[i - 1] as string, text[i + len] as string);
}

function canEnd(text: string, j: number, len: number, delim: string): boolean {
  if (j === 0 || isWhitespaceCode(codeBefore(text, j))) return false;
  const after = text[j + len];
  // `text`_ , `text`__ and `text`:role: continue after the closing backquote
  return endSuffixAt(text, j + len) || (delim === '`' && after === '_') || (delim === '|' && after === '_');
}

/** Find the end-string `delim` at or after `from`; -1 when there is none. Memoised per delimiter. */
function failedAt(s: Scan, delim: Delimiter): number {
  switch (delim) {
    case '*':
      return s.failedStar;
    case '**':
      return s.failedStrong;
    case '`':
      return s.failedBackquote;
    case '``':
      return s.failedLiteral;
    case '|':
      return s.failedBar;
  }
}

function setFailedAt(s: Scan, delim: Delimiter, at: number): void {
  switch (delim) {
    case '*':
      s.failedStar = at;
      break;
    case '**':
      s.failedStrong = at;
      break;
    case '`':
      s.failedBackquote = at;
      break;
    case '``':
      s.failedLiteral = at;
      break;
    case '|':
      s.failedBar = at;
      break;
  }
}

function findEnd(s: Scan, delim: Delimiter, from: number, literal: boolean): number {
  const failed = failedAt(s, delim);
  if (from >= failed) return -1;
  let j = from;
  const text = s.text;
  while (true) {
    j = text.indexOf(delim, j);
    if (j < 0) {
      setFailedAt(s, delim, Math.min(from, failed));
      return -1;
    }
    // An escaped end-string does not count (except inside literals).
    if (!literal && text[j - 1] === '\\') {
      j += 1;
      continue;
    }
    if (delim === '*' && text[j + 1] === '*') {
      // part of `**`: skip both
      j += 2;
      continue;
    }
    if (canEnd(text, j, delim.length, delim)) return j;
    j += 1;
  }
}

/*
 * A standalone URI, as docutils' `Inliner.patterns.uri` (absolute URIs)
 * reads one: URI characters (no braces, double quotes, backquotes or angle
 * brackets), ending in a letter, a digit, a slash or one of _ ~ * = +
 * (or any URI character before a '>'), with an optional query and fragment, and
 * followed by what may follow an end-string. So `https://{endpoint}/v1`
 * is the link `https:/` followed by text, as in Sphinx's output. Only the
 * schemes below are recognised (docutils knows more, and bare e-mail
 * addresses).
 */
const URIC = String.raw`[\-_.!~*'()[\];/:@&=+$,%a-zA-Z0-9]`;
const URI_END = String.raw`(?:[_~*/=+a-zA-Z0-9]|${URIC}(?=>))`;
const URL_RE = new RegExp(
  String.raw`(?:https?|ftp|file|mailto):(?:\/\/?)?${URIC}*${URI_END}(?:\?${URIC}*${URI_END})?(?:#${URIC}*${URI_END})?(?=$|${END_SUFFIX_CLASS})`,
  'yu',
);

/** A character of a role name after its first: `[\w+.:-]`. */
function isRoleChar(c: number): boolean {
  return isNameChar(c) || c === 58 /* : */;
}

/**
 * `:name:\`` at `i` (`text[i]` is `:`): the index of the opening backquote,
 * or -1. The name is `[A-Za-z0-9][\w+.:-]*`; as the name may hold colons
 * but not a backquote, the only candidate end is the last character of the
 * run of name characters after the first one (what the regular expression
 * `/:([A-Za-z0-9][\w+.:-]*?):\`/y` matches, without rescanning the run
 * from every colon in it).
 */
function rolePrefix(s: Scan, i: number): number {
  const text = s.text;
  if (!isWordChar(text.charCodeAt(i + 1))) return -1;
  const from = i + 2;
  if (from < s.runStart || from >= s.runEnd) {
    let k = from;
    while (k < text.length && isRoleChar(text.charCodeAt(k))) k++;
    s.runStart = from;
    s.runEnd = k;
  }
  const end = s.runEnd;
  return end - 1 >= from && text.charCodeAt(end - 1) === 58 /* : */ && text.charCodeAt(end) === 96 /* ` */ ? end : -1;
}

/**
 * `title <target>`: the text before the last `<` without the whitespace
 * before it, and what is between that `<` and a final `>` (no `<` or `>`
 * in it; not empty unless `allowEmpty`). What
 * `/^([\s\S]*?)\s*<([^<>]+)>$/` matches (`*` for `allowEmpty`), in linear
 * time: the expression backtracked from every character of a long run of
 * spaces before the text's end (`\`a      …      b\`_`).
 */
export function splitEmbedded(text: string, allowEmpty: boolean): [title: string, target: string] | undefined {
  const n = text.length;
  if (text.charCodeAt(n - 1) !== 62 /* > */) return undefined;
  const lt = text.lastIndexOf('<', n - 2);
  if (lt < 0 || (!allowEmpty && lt === n - 2)) return undefined;
  const target = text.slice(lt + 1, n - 1);
  if (target.includes('>')) return undefined;
  let e = lt;
  while (e > 0 && SPACE.test(text[e - 1] as string)) e--;
  return [text.slice(0, e), target];
}

const SPACE = /\s/;

function makeRole(s: Scan, role: string, content: string, start: number, end: number): Inline {
  const position = s.src.position(start, end);
  if (role === 'ref' || role === 'doc' || role === 'numref') {
    // Sphinx's suppressed link, `:ref:`!target``: the text, no reference (so nothing to resolve or warn about).
    if (content.startsWith('!')) return { type: 'role', role, value: unescape(content.slice(1)), position };
    const m = splitEmbedded(content, false);
    let target = content;
    let label = content;
    let explicit = false;
    if (m && m[0].trim() !== '') {
      target = m[1].trim();
      label = unescape(m[0]).replace(/\s+/g, ' ').trim();
      explicit = true;
    }
    // A `~` is kept: it shortens the text of domain roles (`:py:meth:`~a.b``), not of `ref`/`numref`/`doc`,
    // whose target keeps it (Sphinx then warns about `~label`).
    target = target.trim();
    const node: CrossReference = {
      type: 'crossReference',
      role,
      target,
      label: role === 'doc' ? target : normalizeLabel(target),
      explicit,
      children: [{ type: 'text', value: explicit ? label : target, position }],
      position,
    };
    return node;
  }
  switch (role) {
    case 'emphasis':
      return { type: 'emphasis', children: [{ type: 'text', value: unescape(content), position }], position };
    case 'strong':
      return { type: 'strong', children: [{ type: 'text', value: unescape(content), position }], position };
    case 'literal':
    case 'code':
      return { type: 'inlineCode', value: content, position };
    default:
      return { type: 'role', role, value: unescape(content), position };
  }
}

function makeLink(s: Scan, content: string, anonymous: boolean, start: number, end: number): Link {
  const position = s.src.position(start, end);
  const m = splitEmbedded(content, true);
  let label = content;
  let url = '';
  let refname: string | undefined;
  if (m) {
    const inner = m[1].replace(/\s+/g, '');
    label = m[0].trim() || inner;
    if (/_$/.test(inner) && !/\\_$/.test(inner)) refname = normalizeLabel(inner.slice(0, -1));
    else url = unescape(inner);
  } else {
    refname = normalizeLabel(unescape(content));
  }
  const link: Link = { type: 'link', url, children: [{ type: 'text', value: unescape(label).replace(/\s+/g, ' '), position }], position };
  if (anonymous) link.anonymous = true;
  if (refname !== undefined) link.refname = refname;
  return link;
}

/** Parse the inline content of `lines` (a paragraph, a title, a cell line…). */
export function parseInline(lines: Line[], map: SourceMap): Inline[] {
  const src = new InlineSource(lines, map);
  return parseInlineSource(src);
}

/** Characters where inline markup may start; everything between them is plain text. */
const SPECIAL = /[\\*`:|_]/g;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isWordChar(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 45 /* - */ || c === 43 /* + */;
}

/** Emit the plain text between `s.textStart` and `end` (escapes resolved). */
function flush(s: Scan, end: number): void {
  if (end > s.textStart) {
    const value = unescape(s.text.slice(s.textStart, end));
    if (value !== '') s.out.push({ type: 'text', value, position: s.src.position(s.textStart, end) });
  }
  s.textStart = end;
}

/** Emit `node` for `start..stop` after the plain text before it; returns where scanning goes on. */
function emit(s: Scan, start: number, stop: number, node: Inline): number {
  flush(s, start);
  s.out.push(node);
  s.textStart = stop;
  s.markupEnd = stop;
  return stop;
}

export function parseInlineSource(src: InlineSource): Inline[] {
  const text = src.text;
  const n = text.length;
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(text)) {
    // Fast path: no character where markup can start, and no backslash, so
    // the whole text is one text node, as the loop below would make it.
    return n === 0 ? [] : [{ type: 'text', value: text, position: src.position(0, n) }];
  }
  const s: Scan = {
    src,
    text,
    out: [],
    textStart: 0,
    failedStar: Infinity,
    failedStrong: Infinity,
    failedBackquote: Infinity,
    failedLiteral: Infinity,
    failedBar: Infinity,
    runStart: 0,
    runEnd: 0,
    markupEnd: -1,
  };
  // the first special character, found above
  let i = SPECIAL.lastIndex - 1;
  while (i < n) {
    // `test` finds the next special character without building a match array.
    SPECIAL.lastIndex = i;
    if (!SPECIAL.test(text)) break;
    i = SPECIAL.lastIndex - 1;
    const c = text[i] as string;
    switch (c) {
      case '\\':
        // the escaped character is plain text, whatever it is
        i += 2;
        continue;
      case '*': {
        const strong = text[i + 1] === '*';
        const len = strong ? 2 : 1;
        if (canStart(s, i, len)) {
          const end = findEnd(s, strong ? '**' : '*', i + len + 1, false);
          if (end > i + len) {
            const value = unescape(text.slice(i + len, end));
            const node: Inline = { type: strong ? 'strong' : 'emphasis', children: [{ type: 'text', value, position: src.position(i + len, end) }], position: src.position(i, end + len) };
            i = emit(s, i, end + len, node);
            continue;
          }
        }
        i += len;
        continue;
      }
      case '`': {
        if (text[i + 1] === '`') {
          if (canStart(s, i, 2)) {
            const end = findEnd(s, '``', i + 3, true);
            if (end > i + 2) {
              i = emit(s, i, end + 2, { type: 'inlineCode', value: text.slice(i + 2, end), position: src.position(i, end + 2) });
              continue;
            }
          }
          i += 2;
          continue;
        }
        if (canStart(s, i, 1)) {
          const end = findEnd(s, '`', i + 2, false);
          if (end > i + 1) {
            const content = text.slice(i + 1, end);
            let stop = end + 1;
            let node: Inline;
            if (text[stop] === '_') {
              const anonymous = text[stop + 1] === '_';
              stop += anonymous ? 2 : 1;
              node = makeLink(s, content, anonymous, i, stop);
            } else {
              const suffix = text[stop] === ':' ? /^:([A-Za-z0-9][\w+.:-]*?):/.exec(text.slice(stop, stop + 64)) : null;
              if (suffix) {
                stop += suffix[0].length;
                node = makeRole(s, suffix[1] as string, content, i, stop);
              } else {
                node = { type: 'role', role: '', value: unescape(content), position: src.position(i, stop) };
              }
            }
            i = emit(s, i, stop, node);
            continue;
          }
        }
        i += 1;
        continue;
      }
      case ':': {
        if (mayStartAt(s, i)) {
          const tick = rolePrefix(s, i);
          if (tick >= 0) {
            const open = tick + 1;
            const end = findEnd(s, '`', open + 1, false);
            if (end > open) {
              i = emit(s, i, end + 1, makeRole(s, text.slice(i + 1, tick - 1), text.slice(open, end), i, end + 1));
              continue;
            }
          }
        }
        // `http://…`, `mailto:…`: a standalone URL whose scheme ends here
        {
          let k = i;
          while (k > s.textStart && k > i - 6 && isLetter(text.charCodeAt(k - 1))) k--;
          if (k < i && mayStartAt(s, k)) {
            URL_RE.lastIndex = k;
            const u = URL_RE.exec(text);
            if (u) {
              const stop = k + u[0].length;
              const position = src.position(k, stop);
              i = emit(s, k, stop, { type: 'link', url: u[0], children: [{ type: 'text', value: u[0], position }], position });
              continue;
            }
          }
        }
        i += 1;
        continue;
      }
      case '|': {
        if (canStart(s, i, 1)) {
          const end = findEnd(s, '|', i + 2, false);
          if (end > i + 1 && !text.slice(i + 1, end).includes('\n\n')) {
            let stop = end + 1;
            if (text[stop] === '_') stop += text[stop + 1] === '_' ? 2 : 1;
            i = emit(s, i, stop, { type: 'substitutionReference', name: text.slice(i + 1, end), position: src.position(i, stop) });
            continue;
          }
        }
        i += 1;
        continue;
      }
      case '_': {
        // `name_` / `name__`: the name ends here; find where it starts
        const anonymous = text[i + 1] === '_';
        const stop = i + (anonymous ? 2 : 1);
        if (i > 0 && isWordChar(text.charCodeAt(i - 1)) && endSuffixAt(text, stop)) {
          let start = i;
          while (start > s.textStart && isNameChar(text.charCodeAt(start - 1))) start--;
          while (start < i && !isWordChar(text.charCodeAt(start))) start++;
          if (start < i && mayStartAt(s, start)) {
            const name = text.slice(start, i);
            const position = src.position(start, stop);
            const link: Link = { type: 'link', url: '', refname: normalizeLabel(name), children: [{ type: 'text', value: name, position }], position };
            if (anonymous) link.anonymous = true;
            i = emit(s, start, stop, link);
            continue;
          }
        }
        i = stop;
        continue;
      }
      default:
        i += 1;
    }
  }
  flush(s, n);
  return s.out;
}

/** Plain text of inline nodes. */
export function inlineText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'inlineCode':
      case 'role':
        out += node.value;
        break;
      case 'substitutionReference':
        out += `|${node.name}|`;
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      case 'target':
        break;
      default:
        out += inlineText(node.children);
    }
  }
  return out;
}
