/**
 * Raw HTML (an mdast `html` node's value) → docdrift model nodes, with
 * parse5 as the HTML parser. Positions of every node point into the
 * original source through a `ValueMap` (see offsets.ts).
 */
import type { ParserError } from 'parse5';
import { htmlLibs } from '../libs.js';
import type {
  Block,
  Comment,
  Heading,
  Html,
  Image,
  Inline,
  List,
  ListItem,
  Node,
  DefinitionItem,
  ParseMessage,
  Position,
  Role,
  Target,
  Text,
} from '../model.js';
import type { SourceMap } from '../source.js';
import { htmlTable } from '../html-table.js';
import { ValueMap } from './offsets.js';
import { attribute, attributes, isComment, isElement, isText, textContent } from './p5.js';
import type { P5Element, P5Node, P5Template } from './p5.js';
import {
  dedupeTargets,
  htmlTarget,
  isBlankText,
  isSpace,
  isTargetsOnly,
  narrow,
  message,
  plainText,
  span,
  targetsOf,
  trimInlines,
} from './nodes.js';
import { attachTableLabels } from './labels.js';

/** Elements that start a block of their own. */
const BLOCK = new Set([
  'table', 'p', 'ul', 'ol', 'li', 'div', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'dl', 'dt', 'dd',
  'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'center', 'figure', 'figcaption', 'caption', 'thead',
  'tbody', 'tfoot', 'tr', 'td', 'th', 'address', 'details', 'summary', 'fieldset', 'form', 'hgroup', 'colgroup', 'col',
]);

/** Elements whose content is not document text: kept as an `html` node (block) or a `raw-html` role (inline). */
const RAW = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'video', 'audio', 'canvas', 'noscript', 'template',
  'textarea', 'select', 'button', 'input', 'map', 'area', 'picture', 'source', 'track', 'head', 'title', 'meta', 'link',
  'base',
]);

/** Inline elements that only wrap their content. */
const TRANSPARENT = new Set([
  'span', 'font', 'u', 'small', 'big', 'mark', 'abbr', 'acronym', 'cite', 'q', 'dfn', 'var', 'time', 'label', 's',
  'strike', 'del', 'ins', 'nobr', 'bdi', 'bdo', 'data', 'ruby', 'rb', 'rt', 'rp', 'blink', 'tt',
]);

/** Inline elements that become model nodes (see `inlineElement`). */
const INLINE = new Set(['a', 'strong', 'b', 'em', 'i', 'code', 'samp', 'kbd', 'sup', 'sub']);

/** Inline elements that have no content. */
export const VOID_INLINE = new Set(['br', 'img', 'wbr']);

/** Whether an inline tag (in Markdown inline HTML) is one the converter understands. */
export function knownInlineTag(tag: string): boolean {
  return INLINE.has(tag) || TRANSPARENT.has(tag) || VOID_INLINE.has(tag);
}

/** `div` classes (and the like) that make an admonition, as HTML exports of Sphinx/DITA write them. */
const ADMONITIONS = ['note', 'notice', 'important', 'caution', 'warning', 'danger', 'tip', 'hint', 'attention', 'error'];

const SPACES = /[ \t\n\f\r]+/g;

/** Elements nested deeper than this are kept as raw HTML (and reported), which keeps the converter's recursion bounded. */
export const MAX_DEPTH = 200;

/**
 * The semantics of one inline element, shared by HTML fragments and the
 * Markdown converter (which sees `<a name="x">` and `</a>` as separate
 * nodes): `<a name|id>` → target, `<a href>` → link, `<strong>/<b>`,
 * `<em>/<i>`, `<code>`, `<kbd>/<sup>/<sub>` (roles, as RST writes them),
 * and transparent wrappers. `id` on any element adds a target.
 */
export function inlineElement(
  tag: string,
  attrs: Record<string, string>,
  children: Inline[],
  open: Position | undefined,
  whole: Position | undefined,
  idPosition: Position | undefined,
): Inline[] {
  // An `id` target goes first inside the node the element becomes (or,
  // for nodes without children, right after it), so that siblings stay in
  // source order: the attribute is inside the start tag.
  const idAttr = attrs['id']?.trim();
  const ids: Inline[] = idAttr !== undefined && idAttr !== '' ? [htmlTarget(idAttr, idPosition ?? open, true)] : [];
  const inner = ids.length > 0 ? dedupeTargets([...ids, ...children]) : children;
  const empty = children.every((c) => isBlankText(c));
  switch (tag) {
    case 'a': {
      const out: Inline[] = [];
      const name = attrs['name']?.trim();
      if (name !== undefined && name !== '') out.push(htmlTarget(name, empty ? whole : open));
      const href = attrs['href'];
      if (href !== undefined) {
        out.push(withPosition({ type: 'link', url: href.trim(), children: inner }, whole));
        return out;
      }
      return dedupeTargets([...out, ...inner].sort(byStart));
    }
    case 'strong':
    case 'b':
      return [withPosition({ type: 'strong', children: inner }, whole)];
    case 'em':
    case 'i':
      return [withPosition({ type: 'emphasis', children: inner }, whole)];
    case 'code':
    case 'samp':
      return [withPosition({ type: 'inlineCode', value: plainText(children) }, whole), ...ids];
    case 'kbd':
    case 'sup':
    case 'sub':
      return [withPosition({ type: 'role', role: tag, value: plainText(children) } satisfies Role, whole), ...ids];
    default:
      return inner;
  }
}

function byStart(a: { position?: Position }, b: { position?: Position }): number {
  return (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0);
}

function withPosition<T extends Node | DefinitionItem>(node: T, position: Position | undefined): T {
  if (position !== undefined) node.position = position;
  else delete node.position;
  return node;
}

/** Admonition name for a `div`'s class list, if it is one. */
function admonitionName(cls: string | undefined): string | undefined {
  if (cls === undefined) return undefined;
  for (const c of cls.split(/\s+/)) {
    const l = c.toLowerCase();
    if (ADMONITIONS.includes(l)) return l === 'notice' ? 'note' : l;
  }
  return undefined;
}

function hasClass(el: P5Element, name: string): boolean {
  const cls = attribute(el, 'class');
  return cls !== undefined && cls.split(/\s+/).includes(name);
}

/** One parsed HTML fragment: converts its parse5 tree into model nodes. */
export class HtmlConverter {
  constructor(
    readonly value: string,
    readonly vmap: ValueMap,
    readonly map: SourceMap,
    readonly messages: ParseMessage[],
  ) {}

  /** Value ranges of the text nodes made from parse5 text, for narrowing them when trimmed. */
  private readonly textRanges = new WeakMap<Text, [number, number]>();

  /**
   * `trimInlines` for HTML text: the whitespace is skipped in the value,
   * where the source's container prefixes (list indentation, `>`) are not.
   */
  trim(inl: Inline[]): Inline[] {
    return trimInlines(inl, this.map, (t, atStart, atEnd) => {
      const r = this.textRanges.get(t);
      if (r === undefined) return narrow(t.position, this.map, atStart, atEnd);
      let [s, e] = r;
      const v = this.value;
      if (atStart) while (s < e && isSpace(v.charCodeAt(s))) s++;
      if (atEnd) while (e > s && isSpace(v.charCodeAt(e - 1))) e--;
      return this.vmap.position(s, e);
    });
  }

  /** The value range `[start, end)` of a node; implied elements (no location) span their children. */
  range(n: P5Node): [number, number] | undefined {
    const l = n.sourceCodeLocation;
    if (l) return [l.startOffset, l.endOffset];
    if (!('childNodes' in n)) return undefined;
    let s: number | undefined;
    let e: number | undefined;
    for (const c of n.childNodes) {
      const r = this.range(c);
      if (r === undefined) continue;
      if (s === undefined) s = r[0];
      e = r[1];
    }
    return s === undefined || e === undefined ? undefined : [s, e];
  }

  pos(n: P5Node): Position | undefined {
    const r = this.range(n);
    return r === undefined ? undefined : this.vmap.position(r[0], r[1]);
  }

  startTagPos(el: P5Element): Position | undefined {
    const l = el.sourceCodeLocation?.startTag;
    return l ? this.vmap.position(l.startOffset, l.endOffset) : this.pos(el);
  }

  attrPos(el: P5Element, name: string): Position | undefined {
    const l = el.sourceCodeLocation?.attrs?.[name];
    return l ? this.vmap.position(l.startOffset, l.endOffset) : this.startTagPos(el);
  }

  /** The element's `id` as a target (placed first inside the node the element becomes, or before it). */
  idTarget(el: P5Element): Target[] {
    const id = el.attrs.find((a) => a.name === 'id')?.value.trim();
    if (id === undefined || id === '') return [];
    return [htmlTarget(id, this.attrPos(el, 'id'), true)];
  }

  raw(n: P5Node): Html {
    const r = this.range(n);
    const value = r === undefined ? '' : this.value.slice(r[0], r[1]);
    return withPosition({ type: 'html', value }, this.pos(n));
  }

  /* ------------------------------------------------------------ blocks */

  blocks(nodes: readonly P5Node[]): Block[] {
    const out: Block[] = [];
    let run: P5Node[] = [];
    const flush = (): void => {
      if (run.length > 0) out.push(...this.paragraphs(run));
      run = [];
    };
    for (const n of nodes) {
      if (isElement(n) && (BLOCK.has(n.tagName) || RAW.has(n.tagName))) {
        flush();
        out.push(...this.block(n));
      } else if (isComment(n)) {
        if (run.every((r) => isText(r) && r.value.trim() === '')) {
          run = [];
          out.push(withPosition({ type: 'comment', value: n.data } satisfies Comment, this.pos(n)));
        }
      } else {
        run.push(n);
      }
    }
    flush();
    return attachTableLabels(dedupeTargets(out));
  }

  /** A run of inline content in a block context: a paragraph, or only targets, or nothing. */
  private paragraphs(run: readonly P5Node[]): Block[] {
    const inl = this.trim(dedupeTargets(this.inlines(run, false)));
    if (inl.length === 0) return [];
    if (isTargetsOnly(inl)) return targetsOf(inl);
    if (inl.every((n) => n.type === 'break' || isBlankText(n))) return [];
    return [withPosition({ type: 'paragraph', children: inl }, span(inl))];
  }

  /** How many elements deep the conversion is; past `MAX_DEPTH` elements are kept as raw HTML. */
  private depth = 0;
  private reportedDepth = false;

  private tooDeep(el: P5Element): boolean {
    if (this.depth < MAX_DEPTH) return false;
    if (!this.reportedDepth) {
      this.reportedDepth = true;
      const p = this.pos(el) ?? this.vmap.position(0, 0);
      this.messages.push(message('warning', 'html-nesting', `HTML nested more than ${MAX_DEPTH} elements deep; the elements below are kept as raw HTML.`, p));
    }
    return true;
  }

  private block(el: P5Element): Block[] {
    if (this.tooDeep(el)) return [this.raw(el)];
    this.depth++;
    try {
      return this.blockElement(el);
    } finally {
      this.depth--;
    }
  }

  private blockElement(el: P5Element): Block[] {
    const tag = el.tagName;
    const position = this.pos(el);
    if (RAW.has(tag)) return [this.raw(el)];
    switch (tag) {
      case 'table':
        return [...this.idTarget(el), ...this.nameTarget(el), htmlTable(el, this)];
      case 'p': {
        const children = this.trim(dedupeTargets([...this.idTarget(el), ...this.inlines(el.childNodes, false)]));
        if (children.length === 0) return [];
        if (isTargetsOnly(children)) return targetsOf(children);
        return [withPosition({ type: 'paragraph', children }, position)];
      }
      case 'ul':
      case 'ol':
        return [...this.idTarget(el), this.list(el)];
      case 'li':
        return [withPosition({ type: 'list', ordered: false, marker: '-', children: [this.listItem(el)] } satisfies List, position)];
      case 'blockquote':
        return [withPosition({ type: 'blockquote', children: this.blocks([...this.idTargetNodes(el), ...el.childNodes]) }, position)];
      case 'pre': {
        const code = el.childNodes.find((c): c is P5Element => isElement(c) && c.tagName === 'code');
        const cls = (code ?? el).attrs.find((a) => a.name === 'class')?.value ?? '';
        const lang = /(?:^|\s)(?:language|lang)-([^\s]+)/.exec(cls)?.[1];
        let value = textContent(el);
        if (value.startsWith('\n')) value = value.slice(1);
        value = value.replace(/\n$/, '');
        const node: Block = withPosition({ type: 'code', value, ...(lang !== undefined ? { lang } : {}) }, position);
        return [...this.idTarget(el), node];
      }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const children = this.trim(dedupeTargets([...this.idTarget(el), ...this.inlines(el.childNodes, false)]));
        return [withPosition({ type: 'heading', depth: Number(tag.slice(1)), children } satisfies Heading, position)];
      }
      case 'hr':
        return [...this.idTarget(el), withPosition({ type: 'thematicBreak' }, position)];
      case 'dl':
        return [...this.idTarget(el), this.definitionList(el)];
      case 'div':
      case 'section':
      case 'article':
      case 'aside':
      case 'figure': {
        const name = admonitionName(attribute(el, 'class'));
        if (name !== undefined) {
          const body = el.childNodes.filter((c) => !(isElement(c) && (hasClass(c, 'notetitle') || hasClass(c, 'admonition-title'))));
          return [withPosition({ type: 'admonition', name, children: this.blocks([...this.idTargetNodes(el), ...body]) }, position)];
        }
        return this.blocks([...this.idTargetNodes(el), ...el.childNodes]);
      }
      default:
        // main, header, footer, nav, center, figcaption, caption, details, stray table parts, …: transparent.
        return this.blocks([...this.idTargetNodes(el), ...el.childNodes]);
    }
  }

  private nameTarget(el: P5Element): Target[] {
    const name = el.attrs.find((a) => a.name === 'name')?.value.trim();
    if (name === undefined || name === '') return [];
    return [htmlTarget(name, this.attrPos(el, 'name'))];
  }

  /**
   * A synthetic `<a>` carrying the element's `id`, so that the id lands as a
   * target first inside the element's content (next to the `<a name>` that
   * exports repeat there, which `dedupeTargets` then merges).
   */
  idTargetNodes(el: P5Element): P5Node[] {
    const id = el.attrs.find((a) => a.name === 'id')?.value;
    if (id === undefined || id.trim() === '') return [];
    const loc = el.sourceCodeLocation?.attrs?.['id'] ?? el.sourceCodeLocation?.startTag ?? el.sourceCodeLocation ?? null;
    const marker: P5Element = {
      nodeName: 'a',
      tagName: 'a',
      attrs: [{ name: 'id', value: id }],
      namespaceURI: el.namespaceURI,
      childNodes: [],
      parentNode: null,
      sourceCodeLocation: loc === null ? null : { ...loc, startTag: loc, attrs: { id: loc } },
    };
    return [marker];
  }

  private list(el: P5Element): List {
    const ordered = el.tagName === 'ol';
    const attrs = attributes(el);
    let marker = '-';
    if (ordered) {
      const type = attrs['type'];
      marker = type === 'a' || type === 'A' || type === 'i' || type === 'I' ? `${type}.` : '1.';
    }
    const items: ListItem[] = [];
    let stray: P5Node[] = [];
    const flushStray = (): void => {
      if (stray.some((n) => !(isText(n) && n.value.trim() === '') && !isComment(n))) {
        const children = this.blocks(stray);
        if (children.length > 0) items.push(withPosition({ type: 'listItem', children }, span(children)));
      }
      stray = [];
    };
    for (const c of el.childNodes) {
      if (isElement(c) && c.tagName === 'li') {
        flushStray();
        items.push(this.listItem(c));
      } else stray.push(c);
    }
    flushStray();
    const list: List = withPosition({ type: 'list', ordered, marker, children: items }, this.pos(el));
    if (ordered) {
      const start = Number.parseInt(attrs['start'] ?? '', 10);
      list.start = Number.isFinite(start) ? start : 1;
    }
    return list;
  }

  private listItem(el: P5Element): ListItem {
    return withPosition({ type: 'listItem', children: this.blocks([...this.idTargetNodes(el), ...el.childNodes]) }, this.pos(el));
  }

  private definitionList(el: P5Element): Block {
    const items: Array<{ type: 'definitionItem'; term: Inline[]; children: Block[]; position?: Position }> = [];
    for (const c of el.childNodes) {
      if (!isElement(c)) continue;
      if (c.tagName === 'dt') {
        items.push(withPosition({ type: 'definitionItem', term: this.trim(this.inlines(c.childNodes, false)), children: [] }, this.pos(c)));
      } else if (c.tagName === 'dd') {
        let item = items[items.length - 1];
        if (item === undefined) {
          item = withPosition({ type: 'definitionItem', term: [], children: [] }, this.pos(c));
          items.push(item);
        }
        item.children.push(...this.blocks(c.childNodes));
        const p = this.pos(c);
        if (item.position !== undefined && p !== undefined) item.position = { start: item.position.start, end: p.end };
      }
    }
    return withPosition({ type: 'definitionList', children: items }, this.pos(el));
  }

  /* ----------------------------------------------------------- inlines */

  inlines(nodes: readonly P5Node[], pre: boolean): Inline[] {
    const out: Inline[] = [];
    for (const n of nodes) {
      if (isText(n)) {
        const value = pre ? n.value : n.value.replace(SPACES, ' ');
        if (value === '') continue;
        const t: Text = withPosition({ type: 'text', value }, this.pos(n));
        const r = this.range(n);
        if (r !== undefined) this.textRanges.set(t, r);
        out.push(t);
      } else if (isElement(n)) {
        out.push(...this.inlineEl(n, pre));
      }
      // Comments inside text are not content.
    }
    return out;
  }

  private inlineEl(el: P5Element, pre: boolean): Inline[] {
    if (this.tooDeep(el)) {
      const r = this.raw(el);
      return [withPosition({ type: 'role', role: 'raw-html', value: r.value } satisfies Role, r.position)];
    }
    this.depth++;
    try {
      return this.inlineElement(el, pre);
    } finally {
      this.depth--;
    }
  }

  private inlineElement(el: P5Element, pre: boolean): Inline[] {
    const tag = el.tagName;
    if (tag === 'br') return [...this.idTarget(el), withPosition({ type: 'break' }, this.pos(el))];
    if (tag === 'wbr') return [];
    if (tag === 'img') {
      const attrs = attributes(el);
      const img: Image = withPosition({ type: 'image', url: (attrs['src'] ?? '').trim() }, this.pos(el));
      if (attrs['alt'] !== undefined) img.alt = attrs['alt'];
      if (attrs['title'] !== undefined) img.data = { title: attrs['title'] };
      return [...this.idTarget(el), img];
    }
    if (RAW.has(tag) || String(el.namespaceURI) !== 'http://www.w3.org/1999/xhtml') {
      const r = this.raw(el);
      return [withPosition({ type: 'role', role: 'raw-html', value: r.value } satisfies Role, r.position)];
    }
    const children = this.inlines(el.childNodes, pre || tag === 'pre');
    if (reconstructed(el)) {
      // HTML's parser re-opened a formatting element left open (`<p><a name="x">…<p>…`) as a copy inside a
      // later element; the copy keeps the source location of the tag it copies, which lies before its
      // parent. The tag's anchor and id were made where the tag is; the copy only wraps this content.
      const attrs = attributes(el);
      delete attrs['name'];
      delete attrs['id'];
      return dedupeTargets(inlineElement(tag, attrs, children, undefined, span(children), undefined));
    }
    if (INLINE.has(tag) || TRANSPARENT.has(tag)) {
      return dedupeTargets(inlineElement(tag, attributes(el), children, this.startTagPos(el), this.pos(el), this.attrPos(el, 'id')));
    }
    // A block element inside inline content (`<a><p>…</p></a>`, a list in a
    // `<span>`): its inline content, separated from what is around it.
    const out = dedupeTargets([...this.idTarget(el), ...children]);
    return [...out, { type: 'text', value: ' ' }];
  }
}

export interface HtmlParseOptions {
  /**
   * Report parse5's parse errors (`duplicate-attribute`, `eof-in-tag`,
   * `missing-attribute-value`, …) as `html-parse` messages of severity
   * `info`. Default `true`.
   */
  reportParseErrors?: boolean;
}

/**
 * Parses the raw HTML `value` of a block `html` node whose source range is
 * `[start, end)` and returns the model blocks it holds. Never throws: a
 * failure becomes an `internal-error` message and the HTML is kept as an
 * `html` node.
 */
export function htmlBlocks(value: string, start: number, end: number, map: SourceMap, messages: ParseMessage[], options: HtmlParseOptions = {}): Block[] {
  const vmap = new ValueMap(value, start, end, map);
  const fallback: Html = { type: 'html', value, position: map.position(start, end) };
  try {
    const errors: ParserError[] = [];
    const fragment = htmlLibs().parseFragment(value, {
      sourceCodeLocationInfo: true,
      onParseError: options.reportParseErrors === false ? null : (e) => errors.push(e),
    });
    for (const e of errors) {
      messages.push(message('info', 'html-parse', `HTML parse error: ${e.code}.`, vmap.position(e.startOffset, Math.max(e.startOffset, e.endOffset))));
    }
    const conv = new HtmlConverter(value, vmap, map, messages);
    const blocks = conv.blocks(fragment.childNodes);
    return blocks;
  } catch (e) {
    messages.push(message('error', 'internal-error', `Could not convert HTML: ${e instanceof Error ? e.message : String(e)}`, fallback.position as Position));
    return [fallback];
  }
}

/** A start tag as Markdown inline HTML gives it (`<a name="x">`), parsed with parse5. */
export interface StartTag {
  tag: string;
  attrs: Record<string, string>;
  /** Value ranges of attributes, relative to the tag's start. */
  attrRanges: Record<string, [number, number]>;
  selfClosing: boolean;
}

const START_TAG = /^<([A-Za-z][A-Za-z0-9-]*)/;
const END_TAG = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/;

export function parseEndTag(raw: string): string | undefined {
  return END_TAG.exec(raw)?.[1]?.toLowerCase();
}

const ATTRIBUTE = /[ \t\n\r\f]+(([A-Za-z_:][A-Za-z0-9_.:-]*)(?:[ \t\n\r\f]*=[ \t\n\r\f]*(?:"([^"]*)"|'([^']*)'|([^ \t\n\r\f"'=<>`]+)))?)/y;
const TAG_END = /[ \t\n\r\f]*\/?>$/y;

/**
 * Parses a start tag. CommonMark's raw-HTML grammar (which micromark has
 * already checked) is simple enough to read directly; a tag that does not
 * fit it, or whose attribute values hold character references, is handed
 * to parse5, which decodes them as a browser would.
 */
export function parseStartTag(raw: string): StartTag | undefined {
  const m = START_TAG.exec(raw);
  if (m === null) return undefined;
  const tag = (m[1] as string).toLowerCase();
  const selfClosing = /\/[ \t\n\r\f]*>$/.test(raw);
  const attrs: Record<string, string> = {};
  const attrRanges: Record<string, [number, number]> = {};
  let i = m[0].length;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const a = ATTRIBUTE.exec(raw);
    if (a === null) break;
    const name = (a[2] as string).toLowerCase();
    const value = a[3] ?? a[4] ?? a[5] ?? '';
    if (value.includes('&')) return parseStartTagWithParse5(raw, tag, selfClosing);
    if (!Object.hasOwn(attrs, name)) {
      attrs[name] = value;
      attrRanges[name] = [a.index + a[0].length - (a[1] as string).length, a.index + a[0].length];
    }
    i = a.index + a[0].length;
  }
  TAG_END.lastIndex = i;
  if (!TAG_END.test(raw)) return parseStartTagWithParse5(raw, tag, selfClosing);
  return { tag, attrs, attrRanges, selfClosing };
}

function parseStartTagWithParse5(raw: string, tag: string, selfClosing: boolean): StartTag {
  // Parse the tag inside a template so that any tag name survives
  // (parse5 drops `<td>` or `<tr>` outside a table; a template keeps them).
  let el: P5Element | undefined;
  try {
    const frag = htmlLibs().parseFragment(`<template>${raw}</template>`, { sourceCodeLocationInfo: true });
    const tpl = frag.childNodes[0];
    const content = tpl !== undefined && isElement(tpl) && 'content' in tpl ? (tpl as P5Template).content : undefined;
    el = content?.childNodes.find((c): c is P5Element => isElement(c));
  } catch {
    el = undefined;
  }
  if (el === undefined) return { tag, attrs: {}, attrRanges: {}, selfClosing };
  const attrs = attributes(el);
  const attrRanges: Record<string, [number, number]> = {};
  const shift = '<template>'.length;
  for (const [k, l] of Object.entries(el.sourceCodeLocation?.attrs ?? {})) {
    attrRanges[k] = [l.startOffset - shift, l.endOffset - shift];
  }
  return { tag, attrs, attrRanges, selfClosing };
}

export { BLOCK as BLOCK_TAGS, RAW as RAW_TAGS, TRANSPARENT as TRANSPARENT_TAGS };

/** Whether parse5 made `el` as a copy of a formatting element (its location starts before its parent's). */
function reconstructed(el: P5Element): boolean {
  const at = el.sourceCodeLocation?.startOffset;
  const parent = el.parentNode as P5Element | null;
  const from = parent && 'sourceCodeLocation' in parent ? parent.sourceCodeLocation?.startOffset : undefined;
  return at !== undefined && from !== undefined && at < from;
}
