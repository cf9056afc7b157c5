import type { Block, Position, Section } from '../model.js';

/**
 * Nests a block list into sections: each heading opens a `section` of its
 * depth holding the heading and the blocks up to the next heading of the
 * same or a higher level (deeper headings open nested sections). Blocks
 * before the first heading stay at the top. Only the top level is
 * sectioned, as in RST, where titles cannot appear inside lists or quotes.
 * A section's labels are those of the targets right before its heading
 * (where the Markdown converter also puts a heading's own anchors); the
 * targets stay where they are, as RST keeps `.. _x:` before a title.
 */
export function sectionize(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  const stack: Section[] = [];
  const close = (): void => {
    const s = stack.pop() as Section;
    const first = s.children[0]?.position;
    // The largest end, not the last child's: parse5 may hand HTML nodes back out of source order.
    let last: Position | undefined;
    for (const child of s.children) {
      const p = child.position;
      if (p && (last === undefined || p.end.offset > last.end.offset)) last = p;
    }
    if (first !== undefined && last !== undefined) s.position = { start: first.start, end: last.end };
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.type === 'heading') {
      while (stack.length > 0 && (stack[stack.length - 1] as Section).depth >= b.depth) close();
      const s: Section = { type: 'section', depth: b.depth, labels: labelsBefore(blocks, i), children: [b] };
      (stack.length > 0 ? (stack[stack.length - 1] as Section).children : out).push(s);
      stack.push(s);
    } else {
      (stack.length > 0 ? (stack[stack.length - 1] as Section).children : out).push(b);
    }
  }
  while (stack.length > 0) close();
  return out;
}

function labelsBefore(blocks: readonly Block[], i: number): string[] {
  const out: string[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const b = blocks[j] as Block;
    if (b.type === 'comment') continue;
    if (b.type !== 'target' || b.url !== undefined || b.anonymous === true) break;
    if (!out.includes(b.label)) out.unshift(b.label);
  }
  return out;
}
