import type { Block } from '../model.js';
import { captionFromText } from '../caption.js';

/**
 * A table's labels: the targets right before it in the same block list
 * (`<a name="table1"></a>` on the line above `<table>`, `.. _x:` style),
 * including those made from the table's own `id`/`name`. The targets stay
 * in the tree; the table lists their normalised labels, first to last.
 */
export function attachTableLabels(blocks: Block[]): Block[] {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.type !== 'table' && b.type !== 'figure') continue;
    const found: string[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const p = blocks[j] as Block;
      if (p.type === 'comment') continue;
      if (p.type !== 'target' || p.url !== undefined || p.anonymous === true) break;
      found.unshift(p.label);
    }
    // The labels before the table come first, then those it had (its own id/name).
    if (found.length > 0) b.labels = [...new Set([...found, ...b.labels])];
  }
  return blocks;
}

/** `Table 1 HTTP status codes` → kind, number and text; anything else → just text. */
export const parseCaption = captionFromText;
