/**
 * A Markdown summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment:
 * the totals, a table of counts per rule, then the findings grouped by page
 * with their related places and word diffs (`~~removed~~` / `**added**`).
 *
 * Document text is escaped: outside the message's own `code spans` every
 * character Markdown or HTML would act on is escaped, so a page that
 * contains `<script>` or `[x](javascript:…)` shows as text. Long reports are
 * cut at `maxChars` (a PR comment holds 65,536 characters) with a line that
 * says how many findings were left out.
 */
import type { Diagnostic, DiffPart } from '../diagnostic.js';
import { clipDiff, counts, rulesFor, summaryText, type ReportContext } from './context.js';

export interface MarkdownOptions {
  /** Stop adding findings once the report would exceed this many characters (default 60,000). */
  maxChars?: number;
}

/** Escape text for Markdown (GFM) so that it renders as the same text and nothing else. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** A code span that holds `s` whatever backticks it contains. */
export function codeSpan(s: string): string {
  const flat = s.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A message as Markdown: its `code spans` stay code spans (docdrift's
 * messages quote labels and markup that way), everything else is escaped.
 */
export function messageMarkdown(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(message); // unbalanced backticks: all text
  return parts.map((p, i) => (i % 2 === 0 ? escapeMarkdown(p) : p === '' ? '``' : codeSpan(p))).join('');
}

/**
 * A word diff: removed words struck through, added words bold. Markers get
 * spaces around them (never inside), so they open and close whatever
 * punctuation the changed words start or end with.
 */
export function diffMarkdown(parts: readonly DiffPart[]): string {
  return clipDiff(parts)
    .map((p) => {
      if (p.op === 'equal') return escapeMarkdown(p.text);
      const body = p.text.replace(/\s+/g, ' ').trim();
      if (body === '') return ' ';
      const mark = p.op === 'removed' ? '~~' : '**';
      return ` ${mark}${escapeMarkdown(body)}${mark} `;
    })
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const SEVERITY_WORD = { error: 'error', warning: 'warning', info: 'info' } as const;

export function markdown(diagnostics: readonly Diagnostic[], context: ReportContext = {}, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? 60_000;
  const c = counts(diagnostics);
  let out = `## docdrift\n\n`;
  if (c.total === 0) {
    const n = context.files?.length;
    return `${out}No problems found${n !== undefined ? ` in ${n} ${n === 1 ? 'file' : 'files'}` : ''}.\n`;
  }
  const files = new Set(diagnostics.map((d) => d.file));
  out += `**${summaryText(diagnostics)}** in ${files.size} ${files.size === 1 ? 'file' : 'files'}${context.files ? ` (${context.files.length} checked)` : ''}.\n\n`;

  // Counts per rule.
  const rules = rulesFor(diagnostics, context);
  const perRule = new Map<string, { error: number; warning: number; info: number }>();
  for (const d of diagnostics) {
    let e = perRule.get(d.ruleId);
    if (!e) perRule.set(d.ruleId, (e = { error: 0, warning: 0, info: 0 }));
    e[d.severity]++;
  }
  out += `| rule | errors | warnings | info |\n| --- | ---: | ---: | ---: |\n`;
  for (const r of rules) {
    const e = perRule.get(r.id);
    if (!e) continue;
    out += `| [${codeSpan(r.id)}](${r.helpUri}) | ${e.error} | ${e.warning} | ${e.info} |\n`;
  }

  // Findings by page.
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  let shown = 0;
  let cut = false;
  for (const [file, list] of byFile) {
    let section = `\n### ${codeSpan(file)}\n\n`;
    let sectionShown = 0;
    for (const d of list) {
      let item = `- **${d.line}:${d.column}** ${SEVERITY_WORD[d.severity]} ${codeSpan(d.ruleId)}${d.key !== undefined ? ` (${codeSpan(d.key)})` : ''}: ${messageMarkdown(d.message)}\n`;
      if (d.diff && d.diff.some((p) => p.op !== 'equal')) item += `  - diff: ${diffMarkdown(d.diff)}\n`;
      for (const r of d.related ?? []) item += `  - ↳ ${codeSpan(`${r.file}:${r.line}:${r.column}`)} ${messageMarkdown(r.message)}\n`;
      if (out.length + section.length + item.length > maxChars) {
        cut = true;
        break;
      }
      section += item;
      sectionShown++;
    }
    if (sectionShown > 0) {
      out += section;
      shown += sectionShown;
    }
    if (cut) break;
  }
  if (cut) out += `\n… and ${c.total - shown} more ${c.total - shown === 1 ? 'finding' : 'findings'} not shown here (the report was cut at ${maxChars} characters): see the full report.\n`;
  return out;
}
