/**
 * What Markdown exports of Sphinx/DITA documentation write as plain
 * paragraphs and quotes, turned into the nodes RST has for them:
 *
 * - `**Table 1** Parameters` right before a table (anchors may sit between)
 *   → the table's `caption`; the paragraph is removed (its anchors stay as
 *   targets), as RST has the caption only on `.. table::`.
 * - `**Figure 1** Title<a name="f1"></a>  ` + hard break + `![](x.png)`
 *   (or the image in the next paragraph) → a `figure` with caption and
 *   labels, preceded by the anchors as targets (RST: `.. _f1:` then
 *   `.. figure::`).
 * - A block quote opening with a note icon and/or `**NOTE:**`
 *   (`>![](icon-note.gif) **NOTE:**`) → an `admonition` (`note`,
 *   `caution`, `warning`, …) without that label.
 */
import type { Admonition, Block, Caption, Figure, Image, Inline, Paragraph, Position } from '../model.js';
import type { SourceMap } from '../source.js';
import { parseCaption } from '../html/labels.js';
import { isBlankText, plainText, span, trimInlines } from '../html/nodes.js';

const CAPTION_LABEL = /^\s*(Table|Figure)\s+\d+\s*$/;

/** `Table`/`Figure` when the paragraph opens with `**Table N**`/`**Figure N**`. */
function captionKind(p: Paragraph): 'Table' | 'Figure' | undefined {
  const first = p.children.find((c) => c.type !== 'target' && !isBlankText(c));
  if (first === undefined || first.type !== 'strong') return undefined;
  const m = CAPTION_LABEL.exec(plainText(first.children));
  return m === null ? undefined : (m[1] as 'Table' | 'Figure');
}

function captionOf(inl: readonly Inline[], text: string): Caption | undefined {
  const position = span(inl);
  if (position === undefined) return undefined;
  return parseCaption(plainText(inl), text.slice(position.start.offset, position.end.offset), position);
}

function targets(inl: readonly Inline[]): Block[] {
  const out: Block[] = [];
  for (const n of inl) if (n.type === 'target') out.push(n);
  return out;
}

const ADMONITION_LABEL = /^\s*(NOTE|NOTICE|CAUTION|WARNING|DANGER|TIP|IMPORTANT|ATTENTION|HINT)\s*:?\s*$/i;
const ADMONITION_ICON = /(?:^|\/)icon-(note|notice|caution|warning|danger|tip|important|attention|hint)\.[a-z]+$/i;

function admonitionName(word: string): string {
  const l = word.toLowerCase();
  return l === 'notice' ? 'important' : l;
}

export function structure(blocks: Block[], text: string, map: SourceMap): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.type === 'paragraph') {
      const kind = captionKind(b);
      if (kind === 'Table') {
        // Find the table after any targets.
        let j = i + 1;
        while (j < blocks.length && (blocks[j] as Block).type === 'target') j++;
        const t = blocks[j];
        if (t !== undefined && t.type === 'table' && t.caption === undefined) {
          const caption = captionOf(trimInlines(b.children.filter((c) => c.type !== 'target'), map), text);
          if (caption !== undefined) {
            t.caption = caption;
            // The table, like RST's `.. table::` directive, starts with its caption.
            if (t.position !== undefined) t.position = { start: caption.position.start, end: t.position.end };
            out.push(...targets(b.children));
            continue;
          }
        }
      } else if (kind === 'Figure') {
        const fig = figure(b, blocks[i + 1], text, map);
        if (fig !== undefined) {
          out.push(...fig.blocks);
          if (fig.usedNext) i++;
          continue;
        }
      }
    } else if (b.type === 'blockquote') {
      const adm = admonition(b.children, b.position, map);
      if (adm !== undefined) {
        out.push(adm);
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

function figure(p: Paragraph, next: Block | undefined, text: string, map: SourceMap): { blocks: Block[]; usedNext: boolean } | undefined {
  const kids = p.children;
  let image: Image | undefined;
  let captionInl: Inline[];
  let usedNext = false;
  const imgIndex = kids.findIndex((c) => c.type === 'image');
  if (imgIndex >= 0) {
    // Caption, a hard break, the image, and nothing else but anchors.
    const after = kids.slice(imgIndex + 1);
    if (!after.every((c) => c.type === 'target' || isBlankText(c))) return undefined;
    image = kids[imgIndex] as Image;
    captionInl = kids.slice(0, imgIndex);
    const extra = after.filter((c) => c.type === 'target');
    captionInl.push(...extra);
  } else if (next !== undefined && next.type === 'paragraph') {
    const real = next.children.filter((c) => !isBlankText(c) && c.type !== 'target');
    if (real.length !== 1 || (real[0] as Inline).type !== 'image') return undefined;
    image = real[0] as Image;
    captionInl = [...kids, ...next.children.filter((c) => c.type === 'target')];
    usedNext = true;
  } else return undefined;
  const textPart = trimInlines(
    captionInl.filter((c) => c.type !== 'target' && c.type !== 'break'),
    map,
  );
  const caption = captionOf(textPart, text);
  const anchors = targets(captionInl);
  const fig: Figure = { type: 'figure', url: image.url, labels: [], options: {}, children: [] };
  if (caption !== undefined) fig.caption = caption;
  if (image.alt !== undefined && image.alt !== '') fig.options['alt'] = image.alt;
  const title = image.data?.['title'];
  if (typeof title === 'string') fig.data = { title };
  const end = usedNext ? next?.position : p.position;
  if (p.position !== undefined && end !== undefined) fig.position = { start: p.position.start, end: end.end };
  return { blocks: [...anchors, fig], usedNext };
}

function admonition(children: Block[], position: Position | undefined, map: SourceMap): Admonition | undefined {
  const first = children[0];
  if (first === undefined || first.type !== 'paragraph') return undefined;
  const kids = first.children;
  let i = 0;
  const skipBlank = (): void => {
    while (i < kids.length && isBlankText(kids[i] as Inline)) i++;
  };
  let name: string | undefined;
  skipBlank();
  const icon = kids[i];
  if (icon !== undefined && icon.type === 'image') {
    const m = ADMONITION_ICON.exec(icon.url);
    if (m === null) return undefined;
    name = admonitionName(m[1] as string);
    i++;
    skipBlank();
  }
  const label = kids[i];
  if (label !== undefined && label.type === 'strong') {
    const m = ADMONITION_LABEL.exec(plainText(label.children));
    if (m !== null) {
      name = admonitionName(m[1] as string);
      i++;
    } else if (name === undefined) return undefined;
  } else if (name === undefined) return undefined;
  const rest = trimInlines(kids.slice(i), map);
  while (rest.length > 0 && (rest[0] as Inline).type === 'break') rest.shift();
  const body: Block[] = [];
  if (rest.length > 0) {
    fixStart(rest, map);
    const para: Paragraph = { type: 'paragraph', children: rest };
    const p = span(rest);
    if (p !== undefined) para.position = p;
    body.push(para);
  }
  body.push(...children.slice(1));
  const adm: Admonition = { type: 'admonition', name: name as string, children: body };
  if (position !== undefined) adm.position = position;
  return adm;
}

/**
 * After trimming, a text node that started with the line break after
 * `**NOTE:**` may still start at the `>` of the next line: move its start
 * to its first character.
 */
function fixStart(inl: Inline[], map: SourceMap): void {
  const first = inl[0];
  if (first === undefined || first.type !== 'text' || first.position === undefined || first.value === '') return;
  const want = first.value.charCodeAt(0);
  const t = map.text;
  let o = first.position.start.offset;
  const end = first.position.end.offset;
  while (o < end && t.charCodeAt(o) !== want) {
    const c = t.charCodeAt(o);
    if (c !== 62 /* > */ && c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
    o++;
  }
  if (o > first.position.start.offset && o < end) inl[0] = { ...first, position: map.position(o, end) };
}
