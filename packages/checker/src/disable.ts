/**
 * Inline disables:
 *   .. docdrift-disable-next-line rule-a, rule-b      (RST comment)
 *   <!-- docdrift-disable-next-line rule-a -->         (Markdown / HTML)
 *   .. docdrift-disable rule-a   …   .. docdrift-enable rule-a
 * Without rule ids, every rule is disabled. "Next line" is the next
 * non-blank line (an RST comment must be followed by a blank line).
 * A comment shown inside code (a literal block, a code block or fence, an
 * inline literal) is an example, not a directive: it is ignored.
 */

import type { Node } from '@docdrift/parser';

/** The id of the findings about disable comments that disable nothing (not a rule: `reportUnusedDisableDirectives` sets its severity). */
export const UNUSED_DISABLE = 'unused-disable';

export interface DisableMap {
  /** Whether a finding of `ruleId` on `line` is disabled (and the comments that disable it count as used). */
  isDisabled(ruleId: string, line: number): boolean;
  /** The comments (or ids of them) that disabled none of the findings asked about so far, among the rules in `enabled`. */
  unused(enabled: ReadonlySet<string>): UnusedDisable[];
}

// Any `docdrift-<words>` comment: a misspelt directive (`docdrift-disable-next-lines`) must not be read as
// another one (`docdrift-disable` with the ids `-next-lines …`, which disabled those rules to the page's end).
const DIRECTIVE = /(?:^[ \t]*\.\.[ \t]+|<!--[ \t]*)docdrift-([A-Za-z]+(?:-[A-Za-z]+)*)([^\n]*?)(?:-->|$)/dgm;
const KINDS = new Set(['disable-next-line', 'disable', 'enable']);

/** One rule id written in a disable comment, with its 0-based offsets in the page's text. */
export interface DisableId {
  id: string;
  start: number;
  end: number;
}

/** A `docdrift-disable-next-line` / `-disable` / `-enable` comment as the engine reads it. */
export interface DisableComment {
  /** `unknown`: a `docdrift-…` comment that is none of the three; the engine ignores it. */
  kind: 'disable-next-line' | 'disable' | 'enable' | 'unknown';
  /** The directive as written, after `docdrift-`, with its 0-based offsets in the page's text. */
  name: DisableId;
  /** 0-based offsets of the whole comment (`.. docdrift-…` with its indentation, or `<!-- … -->`). */
  start: number;
  end: number;
  /** 1-based line of the comment. */
  line: number;
  /** The rule ids it names, in order (empty: every rule). A `-- reason` after the ids is not part of them. */
  ids: DisableId[];
}

/** 0-based `[start, end)` offsets of a page's code, where a disable comment is an example. */
export type CodeRanges = ReadonlyArray<readonly [number, number]>;

/** The offsets of the code in a parsed page: `code` blocks (literal blocks, code blocks, fences) and inline literals, in source order. */
export function codeRanges(root: Node): CodeRanges {
  const out: Array<readonly [number, number]> = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.type === 'code' || n.type === 'inlineCode') {
      if (n.position) out.push([n.position.start.offset, n.position.end.offset]);
      continue;
    }
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Node);
    if (n.type === 'definitionItem') for (let i = n.term.length - 1; i >= 0; i--) stack.push(n.term[i] as Node);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Every disable comment of a page, in order (the `unknown-disable` rule checks their ids). `code`
 * gives the page's code (`codeRanges`), asked for only when the text has a `docdrift-` comment at
 * all; comments inside it are examples and left out.
 */
export function disableComments(text: string, code?: () => CodeRanges): DisableComment[] {
  if (!text.includes('docdrift-')) return [];
  let ranges: CodeRanges | undefined;
  const inCode = (offset: number): boolean => (ranges ??= code?.() ?? []).some(([from, to]) => offset >= from && offset < to);
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: DisableComment[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const indices = m.indices as RegExpIndicesArray;
    const [nameFrom, nameTo] = indices[1] as [number, number];
    if (inCode(nameFrom)) continue;
    const [from] = indices[2] as [number, number];
    const name = m[1] as string;
    const body = m[2] ?? '';
    const cut = body.indexOf('--');
    const ids: DisableId[] = [];
    for (const t of (cut < 0 ? body : body.slice(0, cut)).matchAll(/[^\s,]+/g)) {
      ids.push({ id: t[0], start: from + t.index, end: from + t.index + t[0].length });
    }
    const kind = KINDS.has(name) ? (name as DisableComment['kind']) : 'unknown';
    out.push({ kind, name: { id: name, start: nameFrom, end: nameTo }, start: m.index, end: m.index + m[0].length, line: lineOf(m.index), ids: kind === 'unknown' ? [] : ids });
  }
  return out;
}

/** A disable comment that disabled nothing, or the ids of it that did not (see `DisableMap.unused`). */
export interface UnusedDisable {
  comment: DisableComment;
  /** The ids that disabled nothing; empty when the comment names no id (every rule) and disabled nothing. */
  ids: DisableId[];
}

export function parseDisables(text: string, code?: () => CodeRanges): DisableMap {
  const comments = disableComments(text, code);
  if (comments.length === 0) return { isDisabled: () => false, unused: () => [] };
  const lines = text.split('\n');
  // What each comment disables: rule ids ('*' for every rule) over a range of lines.
  type Scope = { comment: DisableComment; id: string; from: number; to: number };
  const nextLine = new Map<number, Scope[]>();
  const ranges: Scope[] = [];
  const open = new Map<string, { comment: DisableComment; from: number }>(); // rule id or '*' → the disable comment
  for (const comment of comments) {
    const { kind, line, ids } = comment;
    if (kind === 'unknown') continue;
    const keys = ids.length === 0 ? ['*'] : ids.map((i) => i.id);
    if (kind === 'disable-next-line') {
      let target = line + 1;
      while (target <= lines.length && (lines[target - 1] ?? '').trim() === '') target++;
      const list = nextLine.get(target) ?? [];
      for (const id of keys) list.push({ comment, id, from: target, to: target });
      nextLine.set(target, list);
    } else if (kind === 'disable') {
      for (const id of keys) if (!open.has(id)) open.set(id, { comment, from: line });
    } else {
      for (const id of ids.length === 0 ? [...open.keys()] : keys) {
        const o = open.get(id);
        if (o === undefined) continue;
        ranges.push({ comment: o.comment, id, from: o.from, to: line });
        open.delete(id);
      }
    }
  }
  for (const [id, o] of open) ranges.push({ comment: o.comment, id, from: o.from, to: Number.POSITIVE_INFINITY });
  const used = new Set<Scope>();
  return {
    isDisabled(ruleId, line) {
      let disabled = false;
      for (const s of nextLine.get(line) ?? []) {
        if (s.id === '*' || s.id === ruleId) {
          used.add(s);
          disabled = true;
        }
      }
      for (const s of ranges) {
        if (line >= s.from && line <= s.to && (s.id === '*' || s.id === ruleId)) {
          used.add(s);
          disabled = true;
        }
      }
      return disabled;
    },
    unused(enabled) {
      const byComment = new Map<DisableComment, Scope[]>();
      for (const s of [...[...nextLine.values()].flat(), ...ranges]) {
        const list = byComment.get(s.comment) ?? [];
        list.push(s);
        byComment.set(s.comment, list);
      }
      const out: UnusedDisable[] = [];
      for (const comment of comments) {
        const scopes = byComment.get(comment);
        if (!scopes) continue; // an \`enable\`, an unknown directive, or a \`disable\` of what was already disabled
        if (comment.ids.length === 0) {
          if (!scopes.some((s) => used.has(s))) out.push({ comment, ids: [] });
          continue;
        }
        // An id of a rule this run does not run may disable something in runs that do: not unused here.
        const idle = comment.ids.filter((i) => enabled.has(i.id) && !scopes.some((s) => s.id === i.id && used.has(s)));
        if (idle.length > 0) out.push({ comment, ids: idle });
      }
      return out;
    },
  };
}

/**
 * The fix that removes an unused comment, or the unused ids of it: a comment alone on its line goes
 * with its line, and with one blank line around it so that no double blank line is left (an RST
 * comment stands between blank lines); an id goes with the comma that joins it to the others.
 */
export function removeUnused(text: string, { comment, ids }: UnusedDisable): { range: [number, number]; text: string }[] {
  if (ids.length > 0 && ids.length < comment.ids.length) {
    return ids.map((id) => {
      const i = comment.ids.indexOf(id);
      const next = comment.ids[i + 1];
      const prev = comment.ids[i - 1];
      // "a, b, c": b goes with the ", " before it; the first id with the ", " after it.
      return i === 0 && next ? { range: [id.start, next.start], text: '' } : { range: [(prev as DisableId).end, id.end], text: '' };
    });
  }
  const lineStart = text.lastIndexOf('\n', comment.start - 1) + 1;
  const nl = text.indexOf('\n', comment.end);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  const alone = text.slice(lineStart, comment.start).trim() === '' && text.slice(comment.end, lineEnd).trim() === '';
  if (!alone) return [{ range: [comment.start, comment.end], text: '' }];
  const blank = (from: number): number | undefined => {
    const e = text.indexOf('\n', from);
    const end = e < 0 ? text.length : e + 1;
    return from < text.length && text.slice(from, end).trim() === '' ? end : undefined;
  };
  const before = lineStart === 0 || text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart).trim() === '';
  const after = blank(lineEnd);
  return [{ range: [lineStart, before && after !== undefined ? after : lineEnd], text: '' }];
}
