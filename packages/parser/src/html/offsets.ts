import type { Position } from '../model.js';
import type { SourceMap } from '../source.js';

/**
 * Maps offsets in a string that was cut out of the source with its
 * container prefixes removed (the `value` of an mdast `html` node inside a
 * list item or block quote) back to offsets in the source.
 *
 * mdast gives the node's start and end in the source, and the value keeps
 * one value line per source line (line endings included), but every line
 * after the first lost its list indentation or `>` marker. What every value
 * line keeps is its *end*: a value line is a suffix of its source line (or,
 * for the last line, of the source up to the node's end). So each value
 * offset is mapped from the end of its line; characters the source does not
 * have (spaces micromark made up from a tab) clamp to the start of the line.
 * Building the map is linear in the value; each lookup is a binary search.
 */
export class ValueMap {
  /** Offset in the value where each value line starts. */
  private readonly valueStarts: number[] = [];
  /** Offset in the value where each value line's content ends (before its line ending). */
  private readonly valueEnds: number[] = [];
  /** Source offset of the end of each line's content. */
  private readonly sourceEnds: number[] = [];
  /** Lowest source offset a character of each line may map to. */
  private readonly sourceMins: number[] = [];

  constructor(
    readonly value: string,
    start: number,
    end: number,
    readonly map: SourceMap,
  ) {
    const text = map.text;
    const starts = map.lineStarts;
    let firstLine = map.point(start).line - 1;
    if (firstLine < 0) firstLine = 0;
    let vs = 0;
    let i = 0;
    for (;;) {
      let ve = vs;
      while (ve < value.length) {
        const c = value.charCodeAt(ve);
        if (c === 10 || c === 13) break;
        ve++;
      }
      let next = ve;
      if (next < value.length) {
        next += value.charCodeAt(next) === 13 && value.charCodeAt(next + 1) === 10 ? 2 : 1;
      }
      const last = next >= value.length;
      const lineIndex = Math.min(firstLine + i, starts.length - 1);
      const lineStart = starts[lineIndex] as number;
      let sourceEnd: number;
      if (last) {
        // A value that ends in a line ending ends after it in the source too.
        sourceEnd = end - (next - ve);
      } else {
        sourceEnd = lineIndex + 1 < starts.length ? (starts[lineIndex + 1] as number) : text.length;
        if (sourceEnd > lineStart && text.charCodeAt(sourceEnd - 1) === 10) sourceEnd--;
        if (sourceEnd > lineStart && text.charCodeAt(sourceEnd - 1) === 13) sourceEnd--;
      }
      const sourceMin = i === 0 ? start : lineStart;
      this.valueStarts.push(vs);
      this.valueEnds.push(ve);
      this.sourceEnds.push(Math.max(sourceEnd, sourceMin));
      this.sourceMins.push(sourceMin);
      if (last) break;
      vs = next;
      i++;
    }
  }

  /** The source offset of value offset `v`. */
  toSource(value: number): number {
    // parse5 may end a node at the value's end-of-file "character", one past the value
    const v = Math.min(Math.max(0, value), this.value.length);
    const starts = this.valueStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= v) lo = mid;
      else hi = mid - 1;
    }
    const ve = this.valueEnds[lo] as number;
    const se = this.sourceEnds[lo] as number;
    // Inside the line ending: the value keeps the source's line ending.
    if (v > ve) return Math.min(se + (v - ve), this.map.text.length);
    return Math.max(this.sourceMins[lo] as number, se - (ve - v));
  }

  /** The source position of the value range `[start, end)`. */
  position(start: number, end: number): Position {
    return this.map.position(this.toSource(start), this.toSource(end));
  }
}
