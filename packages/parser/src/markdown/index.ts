/**
 * Markdown (CommonMark + GFM) with embedded HTML → docdrift model blocks.
 *
 * micromark (through `mdast-util-from-markdown` with the GFM extensions)
 * parses the Markdown; raw HTML blocks go through parse5 (`../html`), and
 * inline HTML tags, which mdast gives one tag at a time (`<a name="x">`,
 * text, `</a>`), are paired up here. See README "Markdown and HTML".
 */
import { markdownLibs } from '../libs.js';
import type * as Md from 'mdast';
import type { Block, Code, Heading, Html, Inline, List, ListItem, Node, ParseMessage, Position, Table, TableCell, TableRow } from '../model.js';
import type { SourceMap } from '../source.js';
import { htmlBlocks, inlineElement, knownInlineTag, parseEndTag, parseStartTag } from '../html/index.js';
import type { StartTag } from '../html/index.js';
import { attachTableLabels } from '../html/labels.js';
import { dedupeTargets, isBlankText, isTargetsOnly, message, normalizeLabel, targetsOf, trimInlines } from '../html/nodes.js';
import { ValueMap } from '../html/offsets.js';
import { structure } from './structure.js';
import { sectionize } from './sections.js';

/**
 * Parses Markdown `text` into model blocks, with headings nested into
 * sections. `map` must be a `SourceMap` of `text`. Problems become
 * `messages`; it never throws.
 */
export function parseMarkdown(text: string, map: SourceMap, messages: ParseMessage[]): Block[] {
  let tree: Md.Root;
  try {
    const { fromMarkdown, gfm, gfmFromMarkdown } = markdownLibs();
    tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  } catch (e) {
    messages.push(failure(e, 'Could not parse Markdown', map.position(0, text.length)));
    return [];
  }
  const conv = new MarkdownConverter(text, map, messages);
  conv.collectDefinitions(tree);
  try {
    return sectionize(conv.blocks(tree.children));
  } catch (e) {
    messages.push(failure(e, 'Could not convert Markdown', map.position(0, text.length)));
    return [];
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A message for an exception: running out of stack means the input nests
 * too deeply (thousands of `>` or list levels, which micromark parses
 * recursively), a property of the input rather than a parser bug.
 */
function failure(e: unknown, what: string, position: Position): ParseMessage {
  if (e instanceof RangeError) {
    return message('error', 'markdown-nesting', `${what}: it is nested too deeply (${e.message}).`, position);
  }
  return message('error', 'internal-error', `${what}: ${errorText(e)}`, position);
}

/** An inline HTML element opened by a start tag and waiting for its end tag. */
interface Frame {
  start: StartTag;
  node: Md.Html;
  children: Inline[];
}

class MarkdownConverter {
  private readonly definitions = new Map<string, Md.Definition>();
  private readonly bom: number;

  constructor(
    readonly text: string,
    readonly map: SourceMap,
    readonly messages: ParseMessage[],
  ) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  collectDefinitions(tree: Md.Root): void {
    const stack: Md.Nodes[] = [tree];
    while (stack.length > 0) {
      const n = stack.pop() as Md.Nodes;
      if (n.type === 'definition') {
        if (!this.definitions.has(n.identifier)) this.definitions.set(n.identifier, n);
      } else if ('children' in n) {
        for (const c of n.children) stack.push(c);
      }
    }
  }

  /**
   * A node's position from its mdast offsets. Lines and columns come from
   * the `SourceMap`, and offsets are shifted past a byte order mark, which
   * micromark drops before counting.
   */
  pos(n: Md.Node): Position | undefined {
    const p = n.position;
    if (p === undefined || p.start.offset === undefined || p.end.offset === undefined) return undefined;
    return this.map.position(p.start.offset + this.bom, p.end.offset + this.bom);
  }

  at<T extends Node>(node: T, from: Md.Node): T {
    const p = this.pos(from);
    if (p !== undefined) node.position = p;
    return node;
  }

  /* ------------------------------------------------------------ blocks */

  blocks(nodes: readonly Md.RootContent[]): Block[] {
    const out: Block[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i] as Md.RootContent;
      try {
        if (n.type === 'html') {
          const merged = this.splitTable(nodes, i);
          if (merged !== undefined) {
            out.push(...htmlBlocks(merged.value, merged.start, merged.end, this.map, this.messages));
            i = merged.last;
            continue;
          }
        }
        out.push(...this.block(n));
      } catch (e) {
        const p = this.pos(n) ?? this.map.position(0, 0);
        this.messages.push(failure(e, `Could not convert a Markdown ${n.type}`, p));
        out.push({ type: 'html', value: this.text.slice(p.start.offset, p.end.offset), position: p });
      }
    }
    return attachTableLabels(structure(dedupeTargets(out), this.text, this.map));
  }

  /**
   * An HTML block that opens a `<table>` it does not close was cut short by
   * a blank line (inside a `<pre>` in a cell, say): CommonMark ends HTML
   * blocks there. Browsers still build one table, so the source up to the
   * sibling that holds the matching `</table>` is read as one HTML block,
   * with the block's indentation removed from each line (not done inside
   * block quotes, whose `>` markers cannot be told from content).
   */
  private splitTable(nodes: readonly Md.RootContent[], i: number): { value: string; start: number; end: number; last: number } | undefined {
    const n = nodes[i] as Md.Html;
    let depth = tableDepth(n.value, 0);
    if (depth <= 0) return undefined;
    const p = this.pos(n);
    if (p === undefined) return undefined;
    let last = -1;
    for (let j = i + 1; j < nodes.length && last < 0; j++) {
      const m = nodes[j] as Md.RootContent;
      if (m.type !== 'html') continue;
      depth = tableDepth(m.value, depth);
      if (depth <= 0) last = j;
    }
    if (last < 0) return undefined;
    const end = this.pos(nodes[last] as Md.RootContent)?.end.offset;
    if (end === undefined) return undefined;
    const indent = p.start.column - 1;
    const start = p.start.offset;
    const src = this.text.slice(start, end);
    const lines = src.split(/(\r\n|\r|\n)/);
    let value = lines[0] ?? '';
    for (let k = 1; k < lines.length; k += 2) {
      const line = lines[k + 1] ?? '';
      let cut = 0;
      while (cut < indent && cut < line.length && (line[cut] === ' ' || line[cut] === '\t')) cut++;
      if (cut < indent && line[cut] === '>') return undefined;
      value += (lines[k] as string) + line.slice(cut);
    }
    return { value, start, end, last };
  }

  private block(n: Md.RootContent): Block[] {
    switch (n.type) {
      case 'paragraph': {
        const children = this.inlines(n.children);
        if (children.length === 0 || children.every(isBlankText)) return [];
        if (isTargetsOnly(children)) return targetsOf(children);
        return [this.at({ type: 'paragraph', children }, n)];
      }
      case 'heading': {
        const inl = this.inlines(n.children);
        // Anchors in a heading (`# Title<a name="x"></a>`) are moved before
        // it, where RST puts the `.. _x:` of a section.
        const targets = targetsOf(inl);
        const children = targets.length > 0 ? trimInlines(inl.filter((c) => c.type !== 'target'), this.map) : inl;
        const heading: Heading = this.at({ type: 'heading', depth: n.depth, marker: this.headingMarker(n), children }, n);
        return [...targets, heading];
      }
      case 'thematicBreak':
        return [this.at({ type: 'thematicBreak' }, n)];
      case 'blockquote':
        return [this.at({ type: 'blockquote', children: this.blocks(n.children) }, n)];
      case 'list':
        return [this.list(n)];
      case 'listItem':
        return [this.at({ type: 'list', ordered: false, marker: '-', children: [this.listItem(n)] } satisfies List, n)];
      case 'code': {
        const code: Code = this.at({ type: 'code', value: n.value }, n);
        if (n.lang !== null && n.lang !== undefined) code.lang = n.lang;
        if (n.meta !== null && n.meta !== undefined) code.data = { meta: n.meta };
        return [code];
      }
      case 'html': {
        const p = this.pos(n);
        if (p === undefined) return [{ type: 'html', value: n.value } satisfies Html];
        return htmlBlocks(n.value, p.start.offset, p.end.offset, this.map, this.messages);
      }
      case 'table':
        return [this.table(n)];
      case 'definition': {
        const name = n.label ?? n.identifier;
        return [this.at({ type: 'target', name, label: normalizeLabel(name), url: n.url }, n)];
      }
      case 'footnoteDefinition':
        return [
          this.at({ type: 'directive', name: 'footnote', args: n.label ?? n.identifier, options: {}, value: '', children: this.blocks(n.children) }, n),
        ];
      default: {
        // Frontmatter and anything a future extension adds: kept as written.
        const p = this.pos(n);
        if (p === undefined) return [];
        return [{ type: 'html', value: this.text.slice(p.start.offset, p.end.offset), position: p }];
      }
    }
  }

  private headingMarker(n: Md.Heading): string {
    const p = this.pos(n);
    if (p === undefined) return '#';
    if (this.text.charCodeAt(p.start.offset) === 35 /* # */) return '#';
    // Setext: the underline's character.
    const c = this.text[p.end.offset - 1];
    return c === '=' || c === '-' ? c : '#';
  }

  private list(n: Md.List): List {
    const ordered = n.ordered === true;
    const list: List = this.at({ type: 'list', ordered, marker: this.listMarker(n, ordered), children: n.children.map((i) => this.listItem(i)) }, n);
    if (ordered) list.start = n.start ?? 1;
    return list;
  }

  /** `-`, `*`, `+`, `1.` or `1)`, read from the source at the first item. */
  private listMarker(n: Md.List, ordered: boolean): string {
    const first = n.children[0];
    const p = first === undefined ? undefined : this.pos(first);
    if (p === undefined) return ordered ? '1.' : '-';
    let i = p.start.offset;
    const t = this.text;
    if (!ordered) {
      const c = t[i];
      return c === '*' || c === '+' || c === '-' ? c : '-';
    }
    while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
    return t[i] === ')' ? '1)' : '1.';
  }

  private listItem(n: Md.ListItem): ListItem {
    const item: ListItem = this.at({ type: 'listItem', children: this.blocks(n.children) }, n);
    if (n.checked !== null && n.checked !== undefined) item.data = { checked: n.checked };
    return item;
  }

  private table(n: Md.Table): Table {
    const rows: TableRow[] = n.children.map((r, ri) => {
      const cells: TableCell[] = r.children.map((c, ci) => {
        const inl = this.inlines(c.children);
        const children: Block[] = [];
        if (inl.length > 0 && !inl.every(isBlankText)) {
          if (isTargetsOnly(inl)) children.push(...targetsOf(inl));
          else children.push(this.at({ type: 'paragraph', children: inl }, c));
        }
        return this.at({ type: 'tableCell', column: ci, rowSpan: 1, colSpan: 1, children } satisfies TableCell, c);
      });
      return this.at({ type: 'tableRow', header: ri === 0, children: cells } satisfies TableRow, r);
    });
    const table: Table = this.at({ type: 'table', source: 'gfm', labels: [], children: rows }, n);
    if (n.align !== null && n.align !== undefined && n.align.some((a) => a !== null)) table.data = { align: n.align };
    return table;
  }

  /* ----------------------------------------------------------- inlines */

  /**
   * Converts phrasing content, pairing inline HTML tags: a start tag of an
   * element the converter knows (`a`, `strong`, `em`, `code`, `span`, …)
   * collects what follows up to its end tag; unclosed ones end with the
   * parent, as browsers end them with the paragraph.
   */
  inlines(nodes: readonly Md.PhrasingContent[]): Inline[] {
    const root: Inline[] = [];
    const stack: Frame[] = [];
    // How many frames of each tag are open: an end tag with none open is
    // dropped without searching the stack, which keeps this linear.
    const open = new Map<string, number>();
    const top = (): Inline[] => (stack.length > 0 ? (stack[stack.length - 1] as Frame).children : root);
    for (const n of nodes) {
      if (n.type !== 'html') {
        top().push(...this.inline(n));
        continue;
      }
      const raw = n.value;
      if (raw.startsWith('<!--')) continue; // a comment is not content
      const endTag = parseEndTag(raw);
      if (endTag !== undefined) {
        if ((open.get(endTag) ?? 0) === 0) {
          if (!knownInlineTag(endTag)) top().push(this.rawHtml(n));
          continue;
        }
        // Close the innermost open element of that tag, ending the ones opened inside it.
        for (;;) {
          const f = stack[stack.length - 1] as Frame;
          open.set(f.start.tag, (open.get(f.start.tag) ?? 1) - 1);
          const done = f.start.tag === endTag;
          this.close(stack, root, done ? n : undefined);
          if (done) break;
        }
        continue;
      }
      const start = raw.startsWith('<') && !raw.startsWith('<!') && !raw.startsWith('<?') ? parseStartTag(raw) : undefined;
      if (start === undefined || !knownInlineTag(start.tag)) {
        top().push(this.rawHtml(n));
        continue;
      }
      const p = this.pos(n);
      if (start.tag === 'br') top().push(this.at({ type: 'break' }, n));
      else if (start.tag === 'img') {
        const img: Inline = { type: 'image', url: (start.attrs['src'] ?? '').trim() };
        if (start.attrs['alt'] !== undefined) img.alt = start.attrs['alt'];
        if (p !== undefined) img.position = p;
        top().push(img);
      } else if (start.tag === 'wbr') {
        // nothing
      } else if (start.selfClosing) {
        top().push(...inlineElement(start.tag, start.attrs, [], p, p, this.attrPosition(n, start, 'id')));
      } else {
        stack.push({ start, node: n, children: [] });
        open.set(start.tag, (open.get(start.tag) ?? 0) + 1);
      }
    }
    while (stack.length > 0) this.close(stack, root, undefined);
    return dedupeTargets(root);
  }

  /** Pops the top frame and turns it into model nodes in its parent; `end` is its end tag, if it has one. */
  private close(stack: Frame[], root: Inline[], end: Md.Html | undefined): void {
    const f = stack.pop() as Frame;
    const parent = stack.length > 0 ? (stack[stack.length - 1] as Frame).children : root;
    const open = this.pos(f.node);
    let whole = open;
    const endPos = end === undefined ? lastPosition(f.children) : this.pos(end);
    if (open !== undefined && endPos !== undefined) whole = { start: open.start, end: endPos.end };
    parent.push(...inlineElement(f.start.tag, f.start.attrs, dedupeTargets(f.children), open, whole, this.attrPosition(f.node, f.start, 'id')));
  }

  private attrPosition(n: Md.Html, start: StartTag, name: string): Position | undefined {
    const r = start.attrRanges[name];
    const p = this.pos(n);
    if (r === undefined || p === undefined) return p;
    return new ValueMap(n.value, p.start.offset, p.end.offset, this.map).position(r[0], r[1]);
  }

  private rawHtml(n: Md.Html): Inline {
    return this.at({ type: 'role', role: 'raw-html', value: n.value }, n);
  }

  private inline(n: Md.PhrasingContent): Inline[] {
    switch (n.type) {
      case 'text':
        return [this.at({ type: 'text', value: n.value }, n)];
      case 'emphasis':
        return [this.at({ type: 'emphasis', children: this.inlines(n.children) }, n)];
      case 'strong':
        return [this.at({ type: 'strong', children: this.inlines(n.children) }, n)];
      case 'delete':
        // No strike-through in the model: keep the text.
        return this.inlines(n.children);
      case 'inlineCode':
        return [this.at({ type: 'inlineCode', value: n.value }, n)];
      case 'break':
        return [this.at({ type: 'break' }, n)];
      case 'link': {
        const link: Inline = this.at({ type: 'link', url: n.url, children: this.inlines(n.children) }, n);
        if (n.title !== null && n.title !== undefined) link.data = { title: n.title };
        return [link];
      }
      case 'linkReference': {
        const def = this.definitions.get(n.identifier);
        const link: Inline = this.at({ type: 'link', url: def?.url ?? '', children: this.inlines(n.children) }, n);
        if (def === undefined) link.refname = normalizeLabel(n.label ?? n.identifier);
        return [link];
      }
      case 'image': {
        const img: Inline = this.at({ type: 'image', url: n.url }, n);
        if (n.alt !== null && n.alt !== undefined) img.alt = n.alt;
        if (n.title !== null && n.title !== undefined) img.data = { title: n.title };
        return [img];
      }
      case 'imageReference': {
        const def = this.definitions.get(n.identifier);
        const img: Inline = this.at({ type: 'image', url: def?.url ?? '' }, n);
        if (n.alt !== null && n.alt !== undefined) img.alt = n.alt;
        return [img];
      }
      case 'footnoteReference':
        return [this.at({ type: 'role', role: 'footnote', value: n.label ?? n.identifier }, n)];
      default:
        return [];
    }
  }
}

function lastPosition(nodes: readonly Inline[]): Position | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const p = (nodes[i] as Inline).position;
    if (p !== undefined) return p;
  }
  return undefined;
}

/** `depth` plus the `<table` start tags minus the `</table>` end tags in `html`. */
function tableDepth(html: string, depth: number): number {
  const re = /<(\/?)table\b/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) depth += m[1] === '/' ? -1 : 1;
  return depth;
}
