/**
 * What each label of a page is attached to, found by a light scan (no
 * parse), so a rule that follows a `:ref:` into another page does not parse
 * that page. The result depends only on the text: the same whether or not the
 * page was parsed before (reports stay deterministic).
 *
 *   .. _x:            followed by a title (text + adornment)     → section (page if it is the first title)
 *   .. _x:            followed by `.. table:: caption` (list-table, csv-table) → table
 *   .. _x:            followed by `.. figure::` (caption: the first body paragraph) → figure
 *   :name: x          option of a table/figure directive          → that table/figure
 *   <a name="x">      in the first Markdown heading → page; right before a `<table>` → table (caption: the `**Table N**` paragraph above)
 */
import { captionFromText, type Caption, type Position } from '@docdrift/parser';
import { normLabel } from './labels.js';

export type ScannedTarget =
  | { kind: 'page' | 'section'; title: string; depth: number; position: Position }
  | { kind: 'table'; caption: Caption | undefined; index: number; position: Position; source: 'grid' | 'list-table' | 'csv-table' | 'html' }
  | { kind: 'figure'; caption: Caption | undefined; index: number; position: Position; url: string }
  | { kind: 'other' };

const ADORNMENT = /^([=\-`:'"~^_*+#<>.])\1*[ \t]*$/;
const LABEL_LINE = /^([ \t]*)\.\. _(`[^`]+`|[^:`][^:]*?):[ \t]*$/;

function plain(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/:[a-zA-Z][\w+.:-]*:`([^`<]*?)(?:\s*<[^>]*>)?`/g, '$1')
    .replace(/`([^`<]*?)(?:\s*<[^>]*>)?`__?/g, '$1')
    .replace(/\*\*([^*]+)\*\*|\*([^*]+)\*|``([^`]+)``/g, (_m, a?: string, b?: string, c?: string) => a ?? b ?? c ?? '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function captionOf(raw: string, position: Position): Caption {
  return captionFromText(plain(raw), raw.trim(), position);
}

export function scanTargets(text: string, format: 'rst' | 'markdown'): Map<string, ScannedTarget> {
  return format === 'rst' ? scanRst(text) : scanMarkdown(text);
}

function scanRst(text: string): Map<string, ScannedTarget> {
  const out = new Map<string, ScannedTarget>();
  const raw = text.split('\n');
  const lines = text.includes('\r') ? raw.map((l) => l.replace(/\r$/, '')) : raw;
  const starts: number[] = [];
  let off = 0;
  for (const l of raw) {
    starts.push(off);
    off += l.length + 1;
  }
  const pos = (line: number, col: number, endLine: number, endCol: number): Position => ({
    start: { line: line + 1, column: col + 1, offset: (starts[line] ?? 0) + col },
    end: { line: endLine + 1, column: endCol + 1, offset: (starts[endLine] ?? 0) + endCol },
  });
  const styles: string[] = [];
  let firstTitle = true;
  let tableIndex = 0;
  let figureIndex = 0;
  let pending: string[] = [];
  const isTitle = (i: number): boolean => {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    return line.trim() !== '' && !/^\s/.test(line) && !ADORNMENT.test(line) && ADORNMENT.test(next) && next.trim().length >= line.trim().length;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const c = line.charCodeAt(0);
    if (c === 32 || c === 9) {
      // An indented line is never a title or an adornment: only an indented label or directive
      // (`.. x`) matters, and most indented lines are table rows and list or note bodies.
      const at = line.search(/\S/);
      if (at < 0) continue;
      if (line.charCodeAt(at) !== 46 || line.charCodeAt(at + 1) !== 46) {
        pending = [];
        continue;
      }
    } else if (line === '' || line.trim() === '') continue;
    const lm = LABEL_LINE.exec(line);
    if (lm) {
      pending.push(normLabel((lm[2] as string).replace(/^`|`$/g, '')));
      continue;
    }
    // A title (with or without overline).
    const over = ADORNMENT.test(line) && isTitle(i + 1) && (lines[i + 2] ?? '').trim() === line.trim();
    if (isTitle(i) || over) {
      const t = over ? i + 1 : i;
      const style = (over ? 'o' : '') + (lines[t + 1] ?? '').trim().charAt(0);
      if (!styles.includes(style)) styles.push(style);
      const title = plain(lines[t] as string);
      const target: ScannedTarget = { kind: firstTitle ? 'page' : 'section', title, depth: styles.indexOf(style) + 1, position: pos(t, 0, t + 1, (lines[t + 1] ?? '').length) };
      for (const l of pending) if (!out.has(l)) out.set(l, target);
      pending = [];
      firstTitle = false;
      i = t + 1;
      continue;
    }
    const dm = /^([ \t]*)\.\. (table|list-table|csv-table|figure)::[ \t]*(.*)$/.exec(line);
    if (dm) {
      const indent = (dm[1] as string).length;
      const kind = dm[2] as string;
      const args = dm[3] as string;
      const argCol = line.length - args.length;
      // Options (`:name: x`) right below.
      const names: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const om = /^[ \t]+:([\w-]+):[ \t]*(.*)$/.exec(lines[j] as string);
        if (!om || (lines[j] as string).search(/\S/) <= indent) break;
        if (om[1] === 'name' && om[2]) names.push(normLabel(om[2]));
      }
      if (kind === 'figure') {
        // The caption is the first paragraph of the body, after the options.
        while (j < lines.length && (lines[j] as string).trim() === '') j++;
        let caption: Caption | undefined;
        if (j < lines.length && (lines[j] as string).search(/\S/) > indent) {
          const first = j;
          const parts: string[] = [];
          while (j < lines.length && (lines[j] as string).trim() !== '' && (lines[j] as string).search(/\S/) > indent) parts.push((lines[j++] as string).trim());
          const col = (lines[first] as string).search(/\S/);
          caption = captionOf(parts.join(' '), pos(first, col, j - 1, (lines[j - 1] as string).length));
        }
        if (caption) figureIndex++;
        const target: ScannedTarget = { kind: 'figure', caption, index: figureIndex, position: pos(i, indent, i, line.length), url: args.trim() };
        for (const l of [...pending, ...names]) if (!out.has(l)) out.set(l, target);
      } else {
        const caption = args.trim() !== '' ? captionOf(args, pos(i, argCol, i, line.length)) : undefined;
        if (caption) tableIndex++;
        const source = kind === 'table' ? 'grid' : (kind as 'list-table' | 'csv-table');
        const target: ScannedTarget = { kind: 'table', caption, index: tableIndex, position: pos(i, indent, i, line.length), source };
        for (const l of [...pending, ...names]) if (!out.has(l)) out.set(l, target);
      }
      pending = [];
      continue;
    }
    pending = [];
  }
  return out;
}

const ANCHOR = /<a\s[^>]*?\bname\s*=\s*["']([^"']+)["'][^>]*>/gi;

function scanMarkdown(text: string): Map<string, ScannedTarget> {
  const out = new Map<string, ScannedTarget>();
  const lines = text.split('\n');
  let firstHeading = true;
  let tableIndex = 0;
  let lastCaption: Caption | undefined;
  let pending: string[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; offset += (lines[i] as string).length + 1, i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const anchors = [...line.matchAll(ANCHOR)].map((m) => normLabel(m[1] as string));
    const h = /^(#{1,6})[ \t]+(.*)$/.exec(line);
    if (h) {
      const p: Position = { start: { line: i + 1, column: 1, offset }, end: { line: i + 1, column: line.length + 1, offset: offset + line.length } };
      const target: ScannedTarget = { kind: firstHeading ? 'page' : 'section', title: plain(h[2] as string), depth: (h[1] as string).length, position: p };
      for (const l of [...pending, ...anchors]) if (!out.has(l)) out.set(l, target);
      pending = [];
      firstHeading = false;
      continue;
    }
    const cap = /^\*\*(Table|Figure)\s+\d+\*\*/i.exec(trimmed);
    if (cap) {
      const col = line.indexOf('**');
      lastCaption = captionOf(trimmed, { start: { line: i + 1, column: col + 1, offset: offset + col }, end: { line: i + 1, column: line.length + 1, offset: offset + line.length } });
      pending.push(...anchors);
      continue;
    }
    if (/^<table\b/i.test(trimmed)) {
      const caption = lastCaption?.kind === 'Table' ? lastCaption : undefined;
      if (caption) tableIndex++;
      const target: ScannedTarget = { kind: 'table', caption, index: tableIndex, position: { start: { line: i + 1, column: line.search(/\S/) + 1, offset: offset + line.search(/\S/) }, end: { line: i + 1, column: line.length + 1, offset: offset + line.length } }, source: 'html' };
      for (const l of [...pending, ...anchors.slice(0, 1)]) if (!out.has(l)) out.set(l, target);
      pending = [];
      lastCaption = undefined;
      continue;
    }
    if (anchors.length > 0 && trimmed.replace(ANCHOR, '').replace(/<\/a>/gi, '').trim() === '') {
      pending.push(...anchors);
      continue;
    }
    pending = [];
    if (!/^[-*+]\s/.test(trimmed)) lastCaption = undefined;
  }
  return out;
}
