import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostic.js';
import { codeSpan, diffMarkdown, escapeMarkdown, markdown, messageMarkdown } from '../../src/reporters/markdown.js';
import { seeds, tricky } from './seeds.js';

describe('--format markdown', () => {
  it('the seeds: totals, counts per rule, findings grouped by page', async () => {
    const { diagnostics, context } = await seeds();
    const md = markdown(diagnostics, context);
    expect(md).toMatch(/^## docdrift\n\n\*\*\d+ problems \(\d+ errors?, \d+ warnings?, \d+ info\)\*\* in \d+ files? \(5 checked\)\.\n/);
    // One row per rule that found something, with the count.
    const rows = [...md.matchAll(/^\| \[`([a-z-]+)`\]\(https:\/\/[^)]+\/docs\/rules\/\1\.md\) \| (\d+) \| (\d+) \| (\d+) \|$/gm)];
    const perRule = new Map<string, number>();
    for (const d of diagnostics) perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
    expect(new Map(rows.map((m) => [m[1]!, Number(m[2]) + Number(m[3]) + Number(m[4])]))).toEqual(perRule);
    // A heading per page with findings, in order, and every finding under its page.
    const pages = [...new Set(diagnostics.map((d) => d.file))];
    expect([...md.matchAll(/^### `(.+)`$/gm)].map((m) => m[1])).toEqual(pages);
    expect(md.match(/^- \*\*\d+:\d+\*\* /gm)).toHaveLength(diagnostics.length);
    // Seed 000's external self-link with its related places.
    expect(md).toContain(
      "- **4:1** warning `external-self-link`: `Table 1` is an absolute link to this page on this project's published site; it should be :ref:`Table 1 <apig-en-api-180328012__table11812530035>`",
    );
    expect(md).toContain('  - ↳ `docs-sources/http-status-codes/apig-internal-ref.rst:6:1` the variant `docs-sources/http-status-codes/apig-internal-ref.rst` defines');
    // Word diffs of drift findings, when the drift rules report some.
    const drift = diagnostics.find((d) => d.diff?.some((p) => p.op !== 'equal'));
    if (drift) expect(md).toContain(`  - diff: ${diffMarkdown(drift.diff!)}\n`);
    expect(markdown(diagnostics, context)).toBe(md);
  });

  it('word diffs: ~~removed~~ and **added**, markers outside the spaces, long unchanged runs clipped', () => {
    expect(diffMarkdown([{ op: 'equal', text: 'The server ' }, { op: 'removed', text: 'does' }, { op: 'added', text: 'did' }, { op: 'equal', text: ' not return.' }])).toBe('The server ~~does~~ **did** not return.');
    // Punctuation right after a word: the marker still opens (a space before it).
    expect(diffMarkdown([{ op: 'equal', text: 'incorrect syntax' }, { op: 'removed', text: '. Request parameters are incorrect.' }])).toBe('incorrect syntax ~~. Request parameters are incorrect.~~');
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';
    expect(diffMarkdown([{ op: 'equal', text: `${long} ` }, { op: 'added', text: 'new' }, { op: 'equal', text: ` ${long}` }])).toBe(
      '… eleven twelve thirteen fourteen fifteen sixteen **new** one two three four five six …',
    );
    expect(diffMarkdown([{ op: 'added', text: '*bold* <b>' }])).toBe('**\\*bold\\* &lt;b&gt;**');
  });

  it('document text is inert: HTML, links and emphasis are escaped outside code spans', () => {
    const md = markdown(sortDiagnostics([...tricky]));
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('You are \\*forbidden\\*');
    expect(md).toContain('\\[x\\](javascript:alert(1))');
    // The message's own code spans stay code (their content is literal in Markdown).
    expect(md).toContain('`a b/<x>.rst`');
    expect(md).toContain('use :ref:`Table 1 <label>` instead');
    // A newline in a message does not break the list.
    expect(md).toContain('multi line, message: with %25 percent');
    expect(escapeMarkdown('a|b~c_d\\e')).toBe('a\\|b\\~c\\_d\\\\e');
    expect(codeSpan('a `b` c')).toBe('``a `b` c``');
    expect(messageMarkdown('odd ` backtick <i>')).toBe('odd \\` backtick &lt;i&gt;');
  });

  it('cuts long reports and says how many findings were left out; no findings', () => {
    const many: Diagnostic[] = Array.from({ length: 400 }, (_, i) => ({ ruleId: 'broken-ref', severity: 'error', message: `:ref: to undefined label \`l${i}\` (no such label in project \`docs\`)`, file: `docs/p${Math.floor(i / 50)}.rst`, line: (i % 50) + 1, column: 1, endLine: (i % 50) + 1, endColumn: 9 }));
    const md = markdown(many, {}, { maxChars: 5000 });
    expect(md.length).toBeLessThan(5400);
    const shown = md.match(/^- \*\*/gm)!.length;
    expect(md).toContain(`\n… and ${400 - shown} more findings not shown here (the report was cut at 5000 characters): see the full report.\n`);
    expect(markdown([], { files: ['a.rst', 'b.rst'] })).toBe('## docdrift\n\nNo problems found in 2 files.\n');
  });
});
