/**
 * Small helpers shared by the Markdown and HTML converters: labels, plain
 * text, trimming and de-duplicating anchors.
 */
import type { Block, Inline, ParseMessage, Position, Severity, Target, Text } from '../model.js';
import type { SourceMap } from '../source.js';

/** A label the way Sphinx compares them: whitespace collapsed, lower-cased. */
export function normalizeLabel(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A `target` for an HTML anchor. `fromId` marks anchors made from an `id` attribute (kept in `data.attribute`). */
export function htmlTarget(name: string, position: Position | undefined, fromId = false): Target {
  const t: Target = { type: 'target', name, label: normalizeLabel(name), origin: 'html' };
  if (position !== undefined) t.position = position;
  if (fromId) t.data = { attribute: 'id' };
  return t;
}

export function message(severity: Severity, code: string, text: string, position: Position): ParseMessage {
  return { severity, code, message: text, position, line: position.start.line, column: position.start.column };
}

interface MaybeParent {
  type: string;
  value?: unknown;
  children?: unknown;
}

/** The text of inline nodes, as a reader sees it (targets add nothing, breaks a newline). */
export function plainText(nodes: readonly MaybeParent[]): string {
  let out = '';
  const stack: MaybeParent[] = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as MaybeParent;
    if (n.type === 'break') out += '\n';
    else if (n.type === 'target' || n.type === 'image') continue;
    else if (Array.isArray(n.children)) {
      const kids = n.children as MaybeParent[];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as MaybeParent);
    } else if (typeof n.value === 'string' && n.type !== 'html') out += n.value;
  }
  return out;
}

const WS = /^[ \t\n\f\r]*$/;

export function isBlankText(n: { type: string; value?: unknown }): boolean {
  return n.type === 'text' && typeof n.value === 'string' && WS.test(n.value);
}

/**
 * Drops a `target` that repeats the label of the target just before it
 * (whitespace between them ignored). HTML exports write every anchor twice
 * (`<p id="p1"><a name="p1"></a><a name="p1"></a>`); one target per place
 * is kept, preferring one written as `<a name>` over one made from an `id`.
 */
export function dedupeTargets<T extends { type: string; value?: unknown }>(nodes: T[]): T[] {
  let changed = false;
  const out: T[] = [];
  let lastTarget = -1; // index in `out` of the target that the next target is adjacent to
  for (const n of nodes) {
    if (n.type === 'target') {
      const t = n as unknown as Target;
      const prev = lastTarget >= 0 ? (out[lastTarget] as unknown as Target) : undefined;
      if (prev !== undefined && prev.label === t.label) {
        changed = true;
        if (prev.data?.['attribute'] === 'id' && t.data?.['attribute'] !== 'id') out[lastTarget] = n;
        continue;
      }
      out.push(n);
      lastTarget = out.length - 1;
    } else {
      out.push(n);
      if (!isBlankText(n)) lastTarget = -1;
    }
  }
  return changed ? out : nodes;
}

/** Narrows a text node's position after whitespace was trimmed off its start and/or end. */
export type Narrow = (node: Text, atStart: boolean, atEnd: boolean) => Position | undefined;

/**
 * Removes leading and trailing whitespace of a run of inlines (the way a
 * paragraph's edges are trimmed). A trimmed text node's position is
 * narrowed by `narrow`, by default past the whitespace in the source.
 */
export function trimInlines(nodes: Inline[], map: SourceMap, narrowText?: Narrow): Inline[] {
  const narrowBy: Narrow = narrowText ?? ((t, s, e) => narrow(t.position, map, s, e));
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlankText(nodes[start] as Inline)) start++;
  while (end > start && isBlankText(nodes[end - 1] as Inline)) end--;
  const out = nodes.slice(start, end);
  const trim = (i: number, atStart: boolean, atEnd: boolean): void => {
    const t = out[i];
    if (t === undefined || t.type !== 'text') return;
    let v = t.value;
    const lead = atStart && /^[ \t\n\f\r]/.test(v);
    const trail = atEnd && /[ \t\n\f\r]$/.test(v);
    if (!lead && !trail) return;
    if (lead) v = v.replace(/^[ \t\n\f\r]+/, '');
    if (trail) v = v.replace(/[ \t\n\f\r]+$/, '');
    out[i] = { ...t, value: v, position: narrowBy(t, lead, trail) };
  };
  if (out.length === 1) trim(0, true, true);
  else {
    trim(0, true, false);
    trim(out.length - 1, false, true);
  }
  return out;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** `p` without the whitespace at its start and/or end in the source. */
export function narrow(p: Position | undefined, map: SourceMap, atStart: boolean, atEnd: boolean): Position | undefined {
  if (p === undefined) return p;
  const text = map.text;
  let s = p.start.offset;
  let e = p.end.offset;
  if (atStart) while (s < e && isSpace(text.charCodeAt(s))) s++;
  if (atEnd) while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === p.start.offset && e === p.end.offset) return p;
  return map.position(s, e);
}

/** The position from the earliest start to the latest end of the positioned nodes. */
export function span(nodes: ReadonlyArray<{ position?: Position }>): Position | undefined {
  let start: Position['start'] | undefined;
  let end: Position['end'] | undefined;
  for (const n of nodes) {
    const p = n.position;
    if (p === undefined) continue;
    if (start === undefined || p.start.offset < start.offset) start = p.start;
    if (end === undefined || p.end.offset > end.offset) end = p.end;
  }
  return start === undefined || end === undefined ? undefined : { start, end };
}

export function isTargetsOnly(nodes: readonly Inline[]): boolean {
  let any = false;
  for (const n of nodes) {
    if (n.type === 'target') any = true;
    else if (!isBlankText(n)) return false;
  }
  return any;
}

/** Targets of an anchor-only inline run, as blocks. */
export function targetsOf(nodes: readonly Inline[]): Block[] {
  const out: Block[] = [];
  for (const n of nodes) if (n.type === 'target') out.push(n);
  return out;
}
