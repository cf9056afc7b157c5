/**
 * reStructuredText block structure, as real Sphinx documentation uses it:
 * sections, paragraphs, lists, field lists, definition lists, block quotes,
 * literal blocks, explicit markup (targets, comments, substitution
 * definitions, directives) and grid / simple tables.
 *
 * The parser works on `Line`s that keep their source position, so a nested
 * block (a list item, a directive body, a table cell) is parsed from the
 * same kind of lines, shifted, and every node points into the original text.
 */
import type {
  Admonition,
  Block,
  Caption,
  Code,
  DefinitionItem,
  Directive,
  Field,
  Figure,
  Heading,
  Inline,
  List,
  ListItem,
  ParseMessage,
  Point,
  Position,
  Section,
  Severity,
  Table,
  TableCell,
  TableRow,
  Target,
} from '../model.js';
import { indentOf, isBlank, lineIndent, makeLine, shift, type Line, type SourceMap } from '../source.js';
import { scanGridTable, isGridTableStart } from './grid-table.js';
import { scanSimpleTable, isSimpleTableStart } from './simple-table.js';
import type { RawCell, RawTable, TableScan } from './table-types.js';
import { inlineText, normalizeLabel, parseInline, splitEmbedded } from './inline.js';
import { captionFromText } from '../caption.js';

const ADORNMENT_RE = /^([!-/:-@[-`{-~])\1* *$/;
const BULLET_RE = /^([-*+\u2022\u2023\u2043])(?: +|$)/;
const ENUM_RES: Array<[RegExp, string, string]> = [
  [/^(\d+|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)\.(?: +|$)/, '', '.'],
  [/^(\d+|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)\)(?: +|$)/, '', ')'],
  [/^\((\d+|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)\)(?: +|$)/, '(', ')'],
];
const FIELD_RE = /^:(?![: ])((?:[^:\\]|\\.|:(?![ `]|$))*?[^ \\]):(?: +|$)/;
const EXPLICIT_RE = /^\.\.(?: +|$)/;
const TARGET_RE = /^_(`(?:[^`\\]|\\.)+`|(?:[^:\\]|\\.)+|_):(?: +|$)/;
const SUBST_RE = /^\|((?:[^|\\]|\\.)+)\| +([A-Za-z0-9][\w.+:-]*)::(?: +|$)/;
const DIRECTIVE_RE = /^([A-Za-z0-9](?:[\w.+:-]*?[A-Za-z0-9])?)::(?: +|$)/;
const FOOTNOTE_RE = /^\[([^\]]+)\](?: +|$)/;
/** Block containers nested deeper than this are not parsed further (docutils would hit Python's recursion limit). */
const MAX_NESTING = 200;

const ADMONITIONS = new Set(['note', 'important', 'caution', 'warning', 'tip', 'hint', 'danger', 'attention', 'error', 'seealso', 'admonition', 'versionadded', 'versionchanged', 'deprecated']);
const CODE_DIRECTIVES = new Set(['code-block', 'code', 'sourcecode']);
/** Directives whose body is not reStructuredText. */
const LITERAL_DIRECTIVES = new Set(['raw', 'math', 'literalinclude', 'include', 'graphviz', 'digraph', 'graph', 'uml', 'mermaid', 'highlight', 'productionlist', 'parsed-literal']);
/** Directives that take no argument, so text on their first line is content. */
const NO_ARGUMENT = new Set(['note', 'important', 'caution', 'warning', 'tip', 'hint', 'danger', 'attention', 'error', 'seealso', 'toctree', 'container', 'compound', 'epigraph', 'highlights', 'pull-quote', 'line-block', 'parsed-literal']);

export function parseCaption(lines: Line[], map: SourceMap): Caption | undefined {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return undefined;
  const raw = lines.map((l) => l.text.trim()).join(' ');
  if (raw === '') return undefined;
  const text = inlineText(parseInline(lines, map));
  return captionFromText(text, raw, map.position(first.offset, last.offset + last.text.trimEnd().length));
}

/** The same source line with other text (a trimmed end); the cached indentation is not carried over. */
function withText(line: Line, text: string): Line {
  return makeLine(text, line.line, line.col, line.offset);
}

/**
 * Whether every line starts a line-block line: `|` followed by a space or
 * the end of the line (docutils' `\|( +|$)`). `|image1|` is a substitution
 * reference, not a line block.
 */
function allStartWithBar(lines: Line[]): boolean {
  for (const l of lines) {
    const t = l.text;
    if (t.charCodeAt(0) !== 124 /* | */) return false;
    const c = t.charCodeAt(1);
    // docutils expands tabs to spaces first
    if (t.length > 1 && c !== 32 /* space */ && c !== 9 /* tab */) return false;
  }
  return true;
}

/** Remove the common indentation of the non-blank lines. */
export function dedent(lines: Line[]): Line[] {
  let min = Infinity;
  for (const l of lines) {
    if (isBlank(l)) continue;
    const ind = lineIndent(l);
    if (ind < min) min = ind;
  }
  if (min === Infinity || min === 0) return lines;
  return lines.map((l) => (isBlank(l) ? makeLine('', l.line, l.col, l.offset) : shift(l, min)));
}

function trimBlankEnd(lines: Line[]): Line[] {
  let e = lines.length;
  while (e > 0 && isBlank(lines[e - 1])) e--;
  return e === lines.length ? lines : lines.slice(0, e);
}

/** `trimBlankStart(trimBlankEnd(lines))` with one copy at most. */
function trimBlank(lines: Line[]): Line[] {
  let e = lines.length;
  while (e > 0 && isBlank(lines[e - 1])) e--;
  let s = 0;
  while (s < e && isBlank(lines[s])) s++;
  return s === 0 && e === lines.length ? lines : lines.slice(s, e);
}

function trimBlankStart(lines: Line[]): Line[] {
  let s = 0;
  while (s < lines.length && isBlank(lines[s])) s++;
  return s === 0 ? lines : lines.slice(s);
}

/** Index after the indented block starting at `start`: lines that are blank or indented (> 0). */
function indentedEnd(lines: Line[], start: number): number {
  let i = start;
  let lastNonBlank = start;
  while (i < lines.length) {
    const l = lines[i] as Line;
    if (isBlank(l)) {
      i++;
      continue;
    }
    if (lineIndent(l) === 0) break;
    i++;
    lastNonBlank = i;
  }
  return Math.max(lastNonBlank, start);
}

function enumMatch(text: string): { marker: string; len: number; value: string } | undefined {
  for (const [re, pre, post] of ENUM_RES) {
    const m = re.exec(text);
    if (m) {
      const value = m[1] as string;
      let norm: string;
      if (value === '#') norm = '#';
      else if (/^\d+$/.test(value)) norm = '1';
      else if (value === 'i' || /^[ivxlcdm]{2,}$/.test(value)) norm = 'i';
      else if (value === 'I' || /^[IVXLCDM]{2,}$/.test(value)) norm = 'I';
      else if (/^[a-z]$/.test(value)) norm = 'a';
      else norm = 'A';
      return { marker: pre + norm + post, len: m[0].length, value };
    }
  }
  return undefined;
}

/*
 * Cheap first-character tests. Each one is implied by the regular expression
 * it guards (the expression cannot match unless the test holds), so testing
 * it first changes no result: it only spares running the expressions on the
 * lines of ordinary paragraphs, which are most lines.
 */

/** ASCII punctuation, the only characters `ADORNMENT_RE` accepts. */
function isAsciiPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The characters `BULLET_RE` accepts first: - * + • ‣ ⁃. */
function isBulletChar(c: number): boolean {
  return c === 45 || c === 42 || c === 43 || c === 0x2022 || c === 0x2023 || c === 0x2043;
}

/**
 * Whether `enumMatch(text)` can match. Its enumerators are `#`, digits, one
 * letter, or lower- or upper-case Roman digits, followed by `.` or `)`
 * (or the same in parentheses): a word like `Following` is rejected at its
 * second character.
 */
function mayBeEnumerator(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if (c0 === 35 /* # */ || c0 === 40 /* ( */) return true;
  let k = 1;
  if (c0 >= 48 && c0 <= 57) {
    while (isAsciiDigit(text.charCodeAt(k))) k++;
  } else if (isRomanDigit(c0)) {
    const upper = c0 < 97;
    for (let c = text.charCodeAt(k); isRomanDigit(c) && (c < 97) === upper; c = text.charCodeAt(k)) k++;
  } else if (!isAsciiAlnum(c0)) {
    return false;
  }
  const c = text.charCodeAt(k);
  return c === 46 /* . */ || c === 41 /* ) */;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** i v x l c d m, either case. */
function isRomanDigit(c: number): boolean {
  const l = c | 0x20;
  return (c < 97 ? c >= 65 : c <= 122) && (l === 105 || l === 118 || l === 120 || l === 108 || l === 99 || l === 100 || l === 109);
}

/** Whether the line could be a section underline (`ADORNMENT_RE`, whose first character is ASCII punctuation). */
function isAdornment(text: string): boolean {
  return isAsciiPunct(text.charCodeAt(0)) && ADORNMENT_RE.test(text);
}

function romanValue(value: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const s = value.toLowerCase();
  for (let k = 0; k < s.length; k++) {
    const a = v[s[k] as string] ?? 0;
    const b = v[s[k + 1] as string] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

function enumStart(value: string, marker: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value);
  if (/[iI]/.test(marker.replace(/[().]/g, ''))) return romanValue(value);
  if (/^[a-z]$/.test(value)) return value.charCodeAt(0) - 96;
  if (/^[A-Z]$/.test(value)) return value.charCodeAt(0) - 64;
  return undefined;
}

interface DirectiveParts {
  name: string;
  args: Line[];
  options: Record<string, string>;
  optionLines: Record<string, Line>;
  content: Line[];
}

export class RstBlockParser {
  /**
   * @param fastPaths `false` turns off the fast paths (`plainParagraphCell`,
   *   and `regularGrid` in the grid table scanner), so that tests can check
   *   they produce the same tree as the general code.
   */
  constructor(
    readonly map: SourceMap,
    readonly messages: ParseMessage[],
    readonly fastPaths = true,
  ) {}

  private span(first: Line, last: Line): Position {
    return this.map.positionNear(first.offset, first.line, last.offset + last.text.length, last.line);
  }

  private spanLines(lines: Line[]): Position {
    const body = trimBlankEnd(lines);
    const first = body[0] ?? lines[0];
    const last = body[body.length - 1] ?? first;
    if (!first || !last) return this.map.position(0, 0);
    return this.span(first, last);
  }

  message(severity: Severity, code: string, message: string, position: Position): void {
    this.messages.push({ severity, code, message, position, line: position.start.line, column: position.start.column });
  }

  /** Parse a whole document: blocks, then sections from the headings. */
  parseDocument(lines: Line[]): Block[] {
    const blocks = sectionize(this.parseBlocks(lines, true), (h) => {
      // At the title's text, as docutils reports it (an overlined title's overline is the line before).
      const first = h.children[0]?.position;
      const last = h.children[h.children.length - 1]?.position;
      const at = first && last ? { start: first.start, end: last.end } : h.position;
      if (at) this.message('error', 'title-level-inconsistent', 'Title level inconsistent.', at);
    });
    propagateTargets(blocks);
    return blocks;
  }

  /** How deep block containers (lists, quotes, directives, cells) are nested right now. */
  private depth = 0;

  /** Parse lines whose base indentation is 0. `top` allows section titles. */
  parseBlocks(lines: Line[], top = false): Block[] {
    if (this.depth >= MAX_NESTING) {
      // Deeper content is kept as text: a parser must not run out of stack on hostile input.
      const body = trimBlankEnd(trimBlankStart(lines));
      const first = body[0];
      if (!first) return [];
      this.message('warning', 'rst-nesting', `Block nesting deeper than ${MAX_NESTING} levels; the rest is kept as a literal block.`, this.span(first, first));
      return [this.literal(body)];
    }
    this.depth++;
    try {
      return this.parseBlocksAt(lines, top);
    } finally {
      this.depth--;
    }
  }

  private parseBlocksAt(lines: Line[], top: boolean): Block[] {
    const out: Block[] = [];
    let i = 0;
    let literalNext = false;
    const n = lines.length;
    while (i < n) {
      const line = lines[i] as Line;
      const t = line.text;
      if (isBlank(line)) {
        i++;
        continue;
      }
      const ind = lineIndent(line);
      if (ind > 0) {
        const end = indentedEnd(lines, i);
        const body = dedent(trimBlankEnd(lines.slice(i, end)));
        if (literalNext) {
          out.push(this.literal(body));
        } else {
          out.push({ type: 'blockquote', children: this.parseBlocks(body), position: this.spanLines(body) });
        }
        literalNext = false;
        i = end;
        continue;
      }
      if (literalNext) {
        this.message('warning', 'literal-block-expected', 'Literal block expected; none found.', this.span(line, line));
        literalNext = false;
      }
      const c0 = t.charCodeAt(0);
      // explicit markup
      if (c0 === 46 /* . */ && EXPLICIT_RE.test(t)) {
        const end = indentedEnd(lines, i + 1);
        out.push(...this.explicit(lines.slice(i, end)));
        i = end;
        continue;
      }
      if (c0 === 95 /* _ */ && t.startsWith('__ ')) {
        const end = indentedEnd(lines, i + 1);
        const block = lines.slice(i, end);
        const url = block.map((l, k) => (k === 0 ? l.text.slice(3) : l.text).trim()).join('');
        out.push({ type: 'target', name: '', label: '', url, anonymous: true, origin: 'rst', position: this.spanLines(block) });
        i = end;
        continue;
      }
      if (c0 === 43 /* + */ && isGridTableStart(t)) {
        const scan = scanGridTable(lines, i, { fastPaths: this.fastPaths });
        out.push(...this.tableFromScan(scan, 'grid', lines, i));
        i += Math.max(1, scan.consumed);
        continue;
      }
      const next = lines[i + 1];
      if (isAdornment(t)) {
        // overline + title + underline
        if (top && next && !isBlank(next) && lines[i + 2] !== undefined) {
          const under = (lines[i + 2] as Line).text.trimEnd();
          const over = t.trimEnd();
          if (under === over || (under[0] === over[0] && ADORNMENT_RE.test(under) && under.length >= 1 && !isSimpleTableStart(t))) {
            if (!(c0 === 61 /* = */ && isSimpleTableStart(t) && under !== over)) {
              const titleLine = withText(next, next.text.trimEnd());
              const trimmed = shift(titleLine, indentOf(titleLine.text));
              out.push({ type: 'heading', depth: 0, marker: `${over[0]}over`, children: parseInline([trimmed], this.map), position: this.span(line, lines[i + 2] as Line) });
              i += 3;
              continue;
            }
          }
        }
        if (c0 === 61 && isSimpleTableStart(t)) {
          const scan = scanSimpleTable(lines, i);
          out.push(...this.tableFromScan(scan, 'simple', lines, i));
          i += Math.max(1, scan.consumed);
          continue;
        }
        if (t.trimEnd().length >= 4 && (next === undefined || isBlank(next))) {
          out.push({ type: 'thematicBreak', position: this.span(line, line) });
          i++;
          continue;
        }
      } else if (c0 === 61 && isSimpleTableStart(t)) {
        const scan = scanSimpleTable(lines, i);
        out.push(...this.tableFromScan(scan, 'simple', lines, i));
        i += Math.max(1, scan.consumed);
        continue;
      }
      // section title (text + underline)
      if (next && isAdornment(next.text) && !isBlank(next)) {
        const under = next.text.trimEnd();
        const title = t.trimEnd();
        if (!top && (under.length >= 4 || under.length >= title.length)) {
          // docutils: titles are only allowed at document and section level
          // reported on the underline, as docutils does
          this.message('error', 'unexpected-section-title', 'Unexpected section title.', this.span(next, next));
          i += 2;
          continue;
        }
        if (under.length >= 4 || under.length >= title.length) {
          if (under.length < title.length) {
            this.message('warning', 'title-underline-too-short', 'Title underline too short.', this.span(next, next));
          }
          out.push({ type: 'heading', depth: 0, marker: under[0] as string, children: parseInline([withText(line, title)], this.map), position: this.span(line, next) });
          i += 2;
          continue;
        }
      }
      // bullet list
      const bullet = isBulletChar(c0) ? BULLET_RE.exec(t) : null;
      if (bullet) {
        const r = this.list(lines, i, (text) => {
          const m = BULLET_RE.exec(text);
          return m && m[1] === bullet[1] ? { len: m[0].length, marker: bullet[1] as string } : undefined;
        });
        out.push(r.node);
        i = r.end;
        continue;
      }
      const en = mayBeEnumerator(t) ? enumMatch(t) : undefined;
      if (en && (next === undefined || isBlank(next) || lineIndent(next) > 0 || enumMatch(next.text)?.marker === en.marker)) {
        const r = this.list(lines, i, (text) => {
          const m = enumMatch(text);
          return m && m.marker === en.marker ? { len: m.len, marker: m.marker } : undefined;
        });
        const start = enumStart(en.value, en.marker);
        if (start !== undefined) r.node.start = start;
        r.node.ordered = true;
        out.push(r.node);
        i = r.end;
        continue;
      }
      if (c0 === 58 /* : */ && FIELD_RE.test(t)) {
        const r = this.fieldList(lines, i);
        out.push(r.node);
        i = r.end;
        continue;
      }
      // definition list: a one-line term followed directly by an indented definition
      if (next && !isBlank(next) && lineIndent(next) > 0) {
        const r = this.definitionList(lines, i);
        out.push(r.node);
        i = r.end;
        continue;
      }
      // paragraph (or line block)
      let j = i + 1;
      while (j < n && !isBlank(lines[j]) && lineIndent(lines[j] as Line) === 0) j++;
      const paraLines = lines.slice(i, j);
      if (j < n && !isBlank(lines[j])) {
        const l = lines[j] as Line;
        this.message('error', 'unexpected-indentation', 'Unexpected indentation.', this.span(l, l));
      }
      const r = this.paragraph(paraLines);
      if (r.para) out.push(r.para);
      literalNext = r.literal;
      i = j;
    }
    return out;
  }

  private literal(body: Line[]): Code {
    return { type: 'code', value: body.map((l) => l.text).join('\n'), position: this.spanLines(body) };
  }

  private paragraph(lines: Line[]): { para?: Block; literal: boolean } {
    const last = lines[lines.length - 1] as Line;
    let literal = false;
    let body = lines;
    // A last line ending in printable ASCII other than ':' cannot end with
    // '::' after trimEnd() (which removes whitespace only): no need to trim it.
    const lc = last.text.charCodeAt(last.text.length - 1);
    const lt = lc > 32 && lc < 127 && lc !== 58 /* : */ ? '' : last.text.trimEnd();
    if (lt.endsWith('::')) {
      literal = true;
      if (lt === '::') {
        body = lines.slice(0, -1);
      } else {
        const cut = /\s::$/.test(lt) ? lt.replace(/\s+::$/, '') : lt.slice(0, -1);
        body = [...lines.slice(0, -1), withText(last, cut)];
      }
    }
    if (body.length === 0) return { literal };
    if (allStartWithBar(body)) {
      // line block: keep the lines, drop the `| ` markers
      const shifted = body.map((l) => shift(l, Math.min(2, l.text.length)));
      return { para: { type: 'paragraph', children: parseInline(shifted, this.map), position: this.spanLines(lines) }, literal };
    }
    return { para: { type: 'paragraph', children: parseInline(body, this.map), position: this.spanLines(lines) }, literal };
  }

  private list(lines: Line[], start: number, item: (text: string) => { len: number; marker: string } | undefined): { node: List; end: number } {
    const items: ListItem[] = [];
    let i = start;
    let marker = '-';
    while (i < lines.length) {
      const line = lines[i] as Line;
      const m = item(line.text);
      if (!m) break;
      marker = items.length === 0 ? m.marker : marker;
      const end = indentedEnd(lines, i + 1);
      const first = shift(line, m.len);
      const rest = dedent(lines.slice(i + 1, end));
      const body = trimBlankEnd([first, ...rest]);
      const children = this.parseBlocks(first.text.trim() === '' ? trimBlankStart(body) : body);
      items.push({ type: 'listItem', children, position: this.span(line, body[body.length - 1] ?? line) });
      i = end;
      // blank lines between items
      let k = i;
      while (k < lines.length && isBlank(lines[k])) k++;
      if (k < lines.length && item((lines[k] as Line).text)) i = k;
      else break;
    }
    const node: List = { type: 'list', ordered: false, marker, children: items };
    const firstItem = items[0];
    const lastItem = items[items.length - 1];
    if (firstItem?.position && lastItem?.position) node.position = { start: firstItem.position.start, end: lastItem.position.end };
    return { node, end: i };
  }

  private fieldList(lines: Line[], start: number): { node: Block; end: number } {
    const fields: Field[] = [];
    let i = start;
    while (i < lines.length) {
      const line = lines[i] as Line;
      const m = FIELD_RE.exec(line.text);
      if (!m) break;
      const end = indentedEnd(lines, i + 1);
      const first = shift(line, m[0].length);
      const body = trimBlankEnd([first, ...dedent(lines.slice(i + 1, end))]);
      const children = this.parseBlocks(first.text.trim() === '' ? trimBlankStart(body) : body);
      const value = blocksText(children);
      fields.push({ type: 'field', name: (m[1] as string).replace(/\\(.)/g, '$1'), value, children, position: this.span(line, body[body.length - 1] ?? line) });
      i = end;
      let k = i;
      while (k < lines.length && isBlank(lines[k])) k++;
      if (k < lines.length && FIELD_RE.test((lines[k] as Line).text) && k === i) i = k;
      else break;
    }
    const node: Block = { type: 'fieldList', children: fields };
    const f0 = fields[0];
    const fl = fields[fields.length - 1];
    if (f0?.position && fl?.position) node.position = { start: f0.position.start, end: fl.position.end };
    return { node, end: i };
  }

  private definitionList(lines: Line[], start: number): { node: Block; end: number } {
    const items: DefinitionItem[] = [];
    let i = start;
    while (i < lines.length) {
      const line = lines[i] as Line;
      const next = lines[i + 1];
      if (isBlank(line) || lineIndent(line) > 0 || !next || isBlank(next) || lineIndent(next) === 0) break;
      const end = indentedEnd(lines, i + 1);
      const body = dedent(trimBlankEnd(lines.slice(i + 1, end)));
      const termText = line.text.split(/ +: +/)[0] ?? line.text;
      const term = parseInline([withText(line, termText.trimEnd())], this.map);
      items.push({ type: 'definitionItem', term, children: this.parseBlocks(body), position: this.span(line, body[body.length - 1] ?? line) });
      i = end;
      let k = i;
      while (k < lines.length && isBlank(lines[k])) k++;
      i = k;
    }
    const node: Block = { type: 'definitionList', children: items };
    const a = items[0];
    const b = items[items.length - 1];
    if (a?.position && b?.position) node.position = { start: a.position.start, end: b.position.end };
    return { node, end: i };
  }

  private tableFromScan(scan: TableScan, source: 'grid' | 'simple', lines: Line[], start: number): Block[] {
    for (const m of scan.messages) {
      this.message(m.severity, m.code, m.message, this.span(m.at, m.at));
    }
    if (!scan.table) return [];
    const block = lines.slice(start, start + Math.max(1, scan.consumed));
    return [this.tableNode(scan.table, source, trimBlankEnd(block))];
  }

  private tableNode(raw: RawTable, source: 'grid' | 'simple', block: Line[]): Table {
    // Loops rather than map/filter chains: a page has hundreds of cells.
    const rows: TableRow[] = [];
    for (let r = 0; r < raw.rows.length; r++) {
      const cells = raw.rows[r] as RawCell[];
      const children: TableCell[] = [];
      // the row's span: the smallest start and largest end among its cells (as `enclosing`)
      let rowStart: Point | undefined;
      let rowEnd: Point | undefined;
      for (const cell of cells) {
        const content = trimBlank(cell.lines);
        const blocks = content.length === 0 ? [] : ((this.fastPaths ? this.plainParagraphCell(content) : undefined) ?? this.parseBlocks(content));
        const first = content[0] ?? cell.lines[0];
        const last = content[content.length - 1] ?? first;
        const { column, rowSpan, colSpan } = cell;
        if (first && last) {
          const position = this.span(first, last);
          children.push({ type: 'tableCell', column, rowSpan, colSpan, children: blocks, position });
          if (rowStart === undefined || position.start.offset < rowStart.offset) rowStart = position.start;
          if (rowEnd === undefined || position.end.offset > rowEnd.offset) rowEnd = position.end;
        } else {
          children.push({ type: 'tableCell', column, rowSpan, colSpan, children: blocks });
        }
      }
      const header = r < raw.headerRows;
      rows.push(rowStart && rowEnd ? { type: 'tableRow', header, children, position: { start: rowStart, end: rowEnd } } : { type: 'tableRow', header, children });
    }
    return { type: 'table', source, labels: [], colWidths: raw.colWidths, children: rows, position: this.spanLines(block) };
  }

  /**
   * Fast path for the commonest table cell: one paragraph and nothing else.
   * Most cells hold a single paragraph, and a table has hundreds of cells, so
   * going through `parseBlocks` (nesting check, the block dispatch's regular
   * expressions, a copy of the lines) for each costs more than the cell's
   * own text. Returns undefined, and the caller takes the general path, unless
   * `parseBlocks(content)` would certainly make exactly `this.paragraph(content)`:
   *
   * - every line is non-blank and not indented, so the paragraph loop in
   *   `parseBlocksAt` takes all of them (no block quote, no definition list,
   *   no "Unexpected indentation.");
   * - the first line starts with an ASCII letter or digit, and it is not an
   *   enumerator (`mayBeEnumerator`): no explicit markup, anonymous target,
   *   table, adornment, bullet, enumerated list or field list starts so;
   * - the second line, if any, does not start with ASCII punctuation, so it
   *   is no section underline (`top` is false in cells: that would be an
   *   "Unexpected section title." error).
   *
   * A trailing `::` needs nothing more: `parseBlocksAt` only acts on it when
   * more lines follow, and none do. Labels cannot attach to a lone paragraph.
   */
  private plainParagraphCell(content: Line[]): Block[] | undefined {
    if (this.depth >= MAX_NESTING) return undefined;
    for (const l of content) {
      if (isBlank(l) || lineIndent(l) !== 0) return undefined;
    }
    const first = (content[0] as Line).text;
    if (!isAsciiAlnum(first.charCodeAt(0)) || mayBeEnumerator(first)) return undefined;
    const second = content[1];
    if (second !== undefined && isAsciiPunct(second.text.charCodeAt(0))) return undefined;
    const r = this.paragraph(content);
    return r.para ? [r.para] : [];
  }

  /* ------------------------------------------------------ explicit markup */

  private explicit(block: Line[]): Block[] {
    const first = block[0] as Line;
    const m = EXPLICIT_RE.exec(first.text) as RegExpExecArray;
    const head = shift(first, m[0].length);
    const rest = head.text;
    const pos = this.spanLines(block);
    const tm = TARGET_RE.exec(rest);
    if (tm) {
      let name = tm[1] as string;
      const anonymous = name === '_';
      if (name.startsWith('`')) name = name.slice(1, -1);
      name = name.replace(/\\(.)/g, '$1');
      const urlParts = [rest.slice(tm[0].length), ...block.slice(1).map((l) => l.text)].map((s) => s.trim()).filter((s) => s !== '');
      const url = urlParts.join('');
      const node: Target = { type: 'target', name: anonymous ? '' : name, label: anonymous ? '' : normalizeLabel(name), origin: 'rst', position: pos };
      if (url !== '') node.url = url;
      if (anonymous) node.anonymous = true;
      return [node];
    }
    const sm = SUBST_RE.exec(rest);
    if (sm) {
      const body = [shift(head, sm[0].length), ...block.slice(1)].map((l) => l.text.trim());
      const valueLines: string[] = [];
      for (const l of body) {
        if (l === '' || l.startsWith(':')) break;
        valueLines.push(l);
      }
      return [{ type: 'substitutionDefinition', name: sm[1] as string, directive: sm[2] as string, value: valueLines.join(' '), position: pos }];
    }
    const dm = DIRECTIVE_RE.exec(rest);
    if (dm) {
      return this.directive(dm[1] as string, shift(head, dm[0].length), block.slice(1), pos);
    }
    const fm = FOOTNOTE_RE.exec(rest);
    if (fm) {
      const body = trimBlankEnd([shift(head, fm[0].length), ...dedent(block.slice(1))]);
      return [{ type: 'directive', name: /^(\d+|#.*|\*)$/.test(fm[1] as string) ? 'footnote' : 'citation', args: fm[1] as string, options: {}, value: body.map((l) => l.text).join('\n'), children: this.parseBlocks(trimBlankStart(body)), position: pos }];
    }
    // comment
    const value = [rest, ...dedent(block.slice(1)).map((l) => l.text)].join('\n').trim();
    return [{ type: 'comment', value, position: pos }];
  }

  private directiveParts(name: string, firstRest: Line, body: Line[]): DirectiveParts {
    const lines = dedent(body);
    const args: Line[] = [];
    const options: Record<string, string> = {};
    const optionLines: Record<string, Line> = {};
    let i = 0;
    const takesArgs = !NO_ARGUMENT.has(name);
    const contentFirst: Line[] = [];
    if (firstRest.text.trim() !== '') {
      if (takesArgs) args.push(firstRest);
      else contentFirst.push(firstRest);
    }
    if (takesArgs) {
      // argument continuation lines, up to a blank line or an option
      if (args.length > 0) {
        while (i < lines.length && !isBlank(lines[i]) && !FIELD_RE.test((lines[i] as Line).text)) {
          args.push(lines[i] as Line);
          i++;
        }
      }
    } else if (contentFirst.length > 0) {
      while (i < lines.length && !isBlank(lines[i])) {
        contentFirst.push(lines[i] as Line);
        i++;
      }
    }
    // options
    while (i < lines.length && contentFirst.length === 0) {
      const l = lines[i] as Line;
      const m = FIELD_RE.exec(l.text);
      if (!m) break;
      let value = l.text.slice(m[0].length).trim();
      i++;
      while (i < lines.length && !isBlank(lines[i]) && lineIndent(lines[i] as Line) > 0) {
        value += ` ${(lines[i] as Line).text.trim()}`;
        i++;
      }
      options[m[1] as string] = value;
      optionLines[m[1] as string] = l;
    }
    const content = trimBlankStart(trimBlankEnd([...contentFirst, ...(contentFirst.length > 0 ? [] : []), ...lines.slice(i)]));
    return { name, args, options, optionLines, content: dedentContent(content, contentFirst.length) };
  }

  private directive(rawName: string, firstRest: Line, body: Line[], position: Position): Block[] {
    const name = rawName.toLowerCase();
    const parts = this.directiveParts(name, firstRest, body);
    const argText = parts.args.map((l) => l.text.trim()).join(' ');
    const labels = parts.options.name !== undefined ? [normalizeLabel(parts.options.name)] : [];
    if (name === 'table') {
      const inner = this.parseBlocks(parts.content);
      const table = inner.find((b): b is Table => b.type === 'table');
      if (!table) {
        this.message('error', 'table-directive', 'Error parsing content block for the "table" directive: exactly one table expected.', position);
        return [this.genericDirective(name, parts, argText, inner, position)];
      }
      const caption = parseCaption(parts.args, this.map);
      if (caption) table.caption = caption;
      table.labels.push(...labels);
      table.position = position;
      if (Object.keys(parts.options).length > 0) table.data = { ...table.data, options: parts.options };
      return [table];
    }
    if (name === 'list-table') return [this.listTable(parts, labels, position)];
    if (name === 'csv-table') return [this.csvTable(parts, labels, position)];
    if (name === 'figure') {
      const inner = this.parseBlocks(parts.content);
      const node: Figure = { type: 'figure', url: argText, labels, options: parts.options, children: [], position };
      const first = inner[0];
      if (first && first.type === 'paragraph' && first.position) {
        const capLines = parts.content.filter((l) => l.offset >= (first.position as Position).start.offset && l.offset < (first.position as Position).end.offset);
        const caption = parseCaption(capLines, this.map);
        if (caption) node.caption = caption;
        node.children = inner.slice(1);
      } else {
        node.children = inner;
      }
      return [node];
    }
    if (name === 'image') {
      const node: Block = { type: 'image', url: argText, position };
      if (parts.options.alt !== undefined) node.alt = parts.options.alt;
      return [node];
    }
    if (ADMONITIONS.has(name)) {
      if (parts.content.length === 0 && NO_ARGUMENT.has(name)) {
        this.message('error', 'directive-content-expected', `Content block expected for the "${name}" directive; none found.`, position);
        return [];
      }
      const node: Admonition = { type: 'admonition', name, children: this.parseBlocks(parts.content), position };
      if (argText !== '') node.title = argText;
      return [node];
    }
    if (CODE_DIRECTIVES.has(name)) {
      const node: Code = { type: 'code', value: parts.content.map((l) => l.text).join('\n'), position };
      if (argText !== '') node.lang = argText;
      if (labels.length > 0) node.data = { labels };
      return [node];
    }
    if (name === 'toctree') {
      const entries = parts.content
        .filter((l) => !isBlank(l))
        .map((l) => {
          const text = l.text.trim();
          // `/^(.*?)\s*<([^<>]+)>$/`: a title without line terminators.
          const m = splitEmbedded(text, false);
          const p = this.map.position(l.offset + indentOf(l.text), l.offset + l.text.trimEnd().length);
          return m && m[0] && !/[\n\r\u2028\u2029]/.test(m[0]) ? { title: m[0], target: m[1], position: p } : { target: text, position: p };
        });
      return [{ type: 'toctree', options: parts.options, entries, position }];
    }
    const children = LITERAL_DIRECTIVES.has(name) ? [] : this.parseBlocks(parts.content);
    return [this.genericDirective(rawName, parts, argText, children, position)];
  }

  private genericDirective(name: string, parts: DirectiveParts, args: string, children: Block[], position: Position): Directive {
    return { type: 'directive', name, args, options: parts.options, value: parts.content.map((l) => l.text).join('\n'), children, position };
  }

  private listTable(parts: DirectiveParts, labels: string[], position: Position): Block {
    const inner = this.parseBlocks(parts.content);
    const list = inner.length === 1 && inner[0]?.type === 'list' ? inner[0] : undefined;
    const fail = (why: string): Block => {
      this.message('error', 'list-table', `Error parsing content block for the "list-table" directive: ${why}`, position);
      return this.genericDirective('list-table', parts, parts.args.map((l) => l.text.trim()).join(' '), inner, position);
    };
    if (!list) return fail('exactly one bullet list expected.');
    const headerRows = Number(parts.options['header-rows'] ?? 0) || 0;
    const rows: TableRow[] = [];
    let width = -1;
    for (const [r, item] of list.children.entries()) {
      const sub = item.children.length === 1 && item.children[0]?.type === 'list' ? item.children[0] : undefined;
      if (!sub) return fail(`two-level bullet list expected, but row ${r + 1} does not contain a second-level bullet list.`);
      if (width >= 0 && sub.children.length !== width) {
        return fail(`uniform two-level bullet list expected, but row ${r + 1} does not contain the same number of items as row 1 (${sub.children.length} vs ${width}).`);
      }
      width = sub.children.length;
      const cells: TableCell[] = sub.children.map((li, c) => {
        const cell: TableCell = { type: 'tableCell', column: c, rowSpan: 1, colSpan: 1, children: li.children };
        if (li.position) cell.position = li.position;
        return cell;
      });
      const row: TableRow = { type: 'tableRow', header: r < headerRows, children: cells };
      if (item.position) row.position = item.position;
      rows.push(row);
    }
    const table: Table = { type: 'table', source: 'list-table', labels: [...labels], children: rows, position };
    const caption = parseCaption(parts.args, this.map);
    if (caption) table.caption = caption;
    return table;
  }

  private csvTable(parts: DirectiveParts, labels: string[], position: Position): Block {
    const delim = parts.options.delim === 'tab' ? '\t' : parts.options.delim === 'space' ? ' ' : (parts.options.delim ?? ',').charAt(0) || ',';
    const quote = (parts.options.quote ?? '"').charAt(0) || '"';
    const headerRows = Number(parts.options['header-rows'] ?? 0) || 0;
    const rows: TableRow[] = [];
    const addRows = (records: Line[][][], header: (r: number) => boolean) => {
      for (const [r, record] of records.entries()) {
        const cells: TableCell[] = record.map((cellLines, c) => {
          const content = trimBlankEnd(trimBlankStart(cellLines));
          const cell: TableCell = { type: 'tableCell', column: c, rowSpan: 1, colSpan: 1, children: content.length > 0 ? this.parseBlocks(dedent(content)) : [] };
          const a = content[0];
          const b = content[content.length - 1];
          if (a && b) cell.position = this.map.position(a.offset, b.offset + b.text.length);
          return cell;
        });
        const row: TableRow = { type: 'tableRow', header: header(r), children: cells };
        const span = enclosing(cells.map((c) => c.position));
        if (span) row.position = span;
        rows.push(row);
      }
    };
    if (parts.options.header !== undefined && parts.optionLines.header) {
      const l = parts.optionLines.header;
      const at = l.text.indexOf(parts.options.header.slice(0, 1));
      addRows(splitCsv([shift(l, Math.max(0, at))], delim, quote), () => true);
    }
    if (parts.options.file !== undefined || parts.options.url !== undefined) {
      this.message('info', 'csv-table-external', 'csv-table data from :file: or :url: is not read; the table is empty.', position);
    }
    addRows(splitCsv(parts.content, delim, quote), (r) => r < headerRows);
    const table: Table = { type: 'table', source: 'csv-table', labels: [...labels], children: rows, position };
    const caption = parseCaption(parts.args, this.map);
    if (caption) table.caption = caption;
    return table;
  }
}

/** The smallest position that covers all of `positions`. */
function enclosing(positions: Array<Position | undefined>): Position | undefined {
  let out: Position | undefined;
  for (const p of positions) {
    if (!p) continue;
    if (!out) out = { start: p.start, end: p.end };
    else {
      if (p.start.offset < out.start.offset) out.start = p.start;
      if (p.end.offset > out.end.offset) out.end = p.end;
    }
  }
  return out;
}

/** Directive content that started on the directive line keeps that line as is; the rest is dedented. */
function dedentContent(content: Line[], keepFirst: number): Line[] {
  if (keepFirst === 0) return dedent(content);
  return [...content.slice(0, keepFirst), ...dedent(content.slice(keepFirst))];
}

/** Split CSV lines into records of cells; each cell is a list of source-mapped lines. */
function splitCsv(lines: Line[], delim: string, quote: string): Line[][][] {
  const records: Line[][][] = [];
  let record: Line[][] = [];
  let cell: Line[] = [];
  let cur: Line | undefined;
  let inQuote = false;
  const startCell = (l: Line, at: number) => {
    cur = makeLine('', l.line, l.col + at, l.offset + at);
  };
  for (const l of lines) {
    if (!inQuote && l.text.trim() === '') continue;
    let k = 0;
    if (!inQuote) {
      // skip leading spaces before the first cell
      while (k < l.text.length && l.text[k] === ' ') k++;
      startCell(l, k);
    } else {
      startCell(l, 0);
    }
    for (; k < l.text.length; k++) {
      const ch = l.text[k] as string;
      const c = cur as Line;
      if (inQuote) {
        if (ch === quote) {
          if (l.text[k + 1] === quote) {
            c.text += quote;
            k++;
          } else {
            inQuote = false;
          }
        } else c.text += ch;
        continue;
      }
      if (ch === quote && c.text.trim() === '') {
        inQuote = true;
        // the cell text starts after the quote
        cur = makeLine('', l.line, l.col + k + 1, l.offset + k + 1);
        continue;
      }
      if (ch === delim) {
        cell.push(c);
        record.push(cell);
        cell = [];
        let s = k + 1;
        while (s < l.text.length && l.text[s] === ' ') s++;
        startCell(l, s);
        k = s - 1;
        continue;
      }
      c.text += ch;
    }
    cell.push(cur as Line);
    if (!inQuote) {
      record.push(cell);
      records.push(record);
      record = [];
      cell = [];
    }
  }
  if (cell.length > 0 || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

type LabelHolder = Block | TableRow | TableCell | ListItem | Field | DefinitionItem;

/** The label of a block-level internal target (`.. _x:`, no URL), else undefined. */
function labelTarget(n: LabelHolder): string | undefined {
  return n.type === 'target' && n.url === undefined && !n.anonymous && n.origin !== 'html' ? n.label : undefined;
}

/**
 * Give the labels of `.. _x:` targets to the node that follows them, as
 * docutils' `PropagateTargets` does (Sphinx then names a section, table or
 * figure label after that node): the next node in document order, going up
 * out of list items, cells, quotes and directives when the target is the
 * last thing in them (`- item` / `  .. _x:` then a title labels the
 * section). Consecutive targets pass their labels on together. A comment, a
 * substitution definition, a footnote or citation, or an external or
 * anonymous target in between keeps the labels from going on (docutils does
 * not move them into invisible nodes; Sphinx then has no title for them).
 * Sections, tables and figures get `labels`; other nodes `data.labels`.
 */
export function propagateTargets(blocks: Block[]): void {
  let pending: string[] = [];
  const walk = (nodes: readonly LabelHolder[]): void => {
    for (const n of nodes) {
      const label = labelTarget(n);
      if (label !== undefined) {
        pending.push(label);
        continue;
      }
      if (pending.length > 0) {
        const labels = pending;
        pending = [];
        if (n.type === 'section' || n.type === 'table' || n.type === 'figure') {
          n.labels.unshift(...labels.filter((l) => !n.labels.includes(l)));
        } else if (!(n.type === 'comment' || n.type === 'substitutionDefinition' || n.type === 'target' || (n.type === 'directive' && (n.name === 'footnote' || n.name === 'citation')))) {
          n.data = { ...n.data, labels };
        }
      }
      if (n.type === 'section' || n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote' || n.type === 'admonition' || n.type === 'directive' || n.type === 'figure' || n.type === 'fieldList' || n.type === 'field' || n.type === 'definitionList' || n.type === 'definitionItem' || n.type === 'table' || n.type === 'tableRow' || n.type === 'tableCell') {
        walk(n.children);
      }
    }
  };
  walk(blocks);
}

/**
 * Build the section tree from flat blocks: heading styles get depths in order of first use. As in
 * docutils, a title may go at most one level below the current section: a known style deeper than
 * that, or a new style anywhere but right below the deepest level used so far, is "inconsistent"
 * (`inconsistent` is told; docutils makes no section of it). Its section is made one level below
 * the current one, so that the page keeps its text and structure, and a new style stays unknown.
 */
export function sectionize(blocks: Block[], inconsistent?: (heading: Heading) => void): Block[] {
  const styles: string[] = [];
  const root: Block[] = [];
  const stack: Section[] = [];
  const unmade = new Set<Section>();
  const container = (): Block[] => (stack.length > 0 ? (stack[stack.length - 1] as Section).children : root);
  for (const b of blocks) {
    if (b.type !== 'heading') {
      container().push(b);
      continue;
    }
    const style = b.marker ?? '';
    // The level docutils is at: that of the innermost section it made (not one of the inconsistent titles).
    let level = 0;
    for (let i = stack.length - 1; i >= 0; i--) {
      const s = stack[i] as Section;
      if (!unmade.has(s)) {
        level = s.depth;
        break;
      }
    }
    let depth = styles.indexOf(style) + 1;
    let made = true;
    if (depth === 0 && styles.length === level) {
      styles.push(style);
      depth = styles.length;
    } else if (depth === 0 || depth > level + 1) {
      inconsistent?.(b);
      made = false;
      depth = Math.min(depth === 0 ? Number.POSITIVE_INFINITY : depth, (stack.length > 0 ? (stack[stack.length - 1] as Section).depth : 0) + 1);
    }
    b.depth = depth;
    while (stack.length > 0 && (stack[stack.length - 1] as Section).depth >= depth) stack.pop();
    const section: Section = { type: 'section', depth, labels: [], children: [b] };
    if (!made) unmade.add(section);
    container().push(section);
    stack.push(section);
  }
  const fix = (nodes: Block[]): void => {
    for (const n of nodes) {
      if (n.type !== 'section') continue;
      fix(n.children);
      const a = n.children[0]?.position;
      const z = n.children[n.children.length - 1]?.position;
      if (a && z) n.position = { start: a.start, end: z.end };
    }
  };
  fix(root);
  return root;
}

/** Plain text of blocks (paragraphs joined by blank lines). */
/** A caption as plain text: its "Table N" / "Figure N" and its words, without markup. */
function captionText(c: Caption): string {
  return c.kind !== undefined && c.number !== undefined ? `${c.kind} ${c.number} ${c.text}`.trim() : c.text;
}

export function blocksText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        parts.push(inlineText(b.children as Inline[]));
        break;
      case 'code':
      case 'comment':
      case 'html':
        parts.push(b.value);
        break;
      case 'figure':
        // The caption is the figure's text too, as docutils' astext() reads it ("Figure 1 Process").
        if (b.caption) parts.push(captionText(b.caption));
        parts.push(blocksText(b.children));
        break;
      case 'list':
      case 'blockquote':
      case 'admonition':
      case 'section':
      case 'fieldList':
      case 'directive':
      case 'definitionList':
        parts.push(blocksText(b.children as Block[]));
        break;
      case 'table':
        parts.push(b.children.map((row) => row.children.map((c) => blocksText(c.children)).join(' | ')).join('\n'));
        break;
      default:
        if ('children' in b && Array.isArray(b.children)) parts.push(blocksText(b.children as Block[]));
    }
  }
  return parts.filter((p) => p !== '').join('\n\n');
}
