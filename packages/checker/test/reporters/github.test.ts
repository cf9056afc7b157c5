import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostic.js';
import { escapeData, escapeProperty, github } from '../../src/reporters/github.js';
import { seeds, tricky } from './seeds.js';

/** Undo the workflow-command escaping (what the runner does). */
const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
const COMMAND = /^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$/;

function parse(out: string): Array<{ level: string; props: Record<string, string>; message: string }> {
  return out
    .split('\n')
    .filter((l) => l.startsWith('::'))
    .map((l) => {
      const m = COMMAND.exec(l);
      expect(m, l).not.toBeNull();
      const props = Object.fromEntries(m![2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
      return { level: m![1]!, props, message: unescape(m![3]!) };
    });
}

describe('--format github', () => {
  it('the seeds: one annotation per finding with file, line, endLine, col, endColumn, title; then the total', async () => {
    const { diagnostics } = await seeds();
    const out = github(diagnostics);
    const lines = out.trimEnd().split('\n');
    const annotations = parse(out);
    expect(annotations).toHaveLength(diagnostics.length);
    annotations.forEach((a, i) => {
      const d = diagnostics[i]!;
      expect(a.level).toBe(d.severity === 'info' ? 'notice' : d.severity);
      expect(a.props.file).toBe(d.file);
      expect(Number(a.props.line)).toBe(d.line);
      expect(Number(a.props.endLine)).toBe(d.endLine);
      expect(Number(a.props.col)).toBe(d.column);
      if (d.endLine === d.line) expect(Number(a.props.endColumn)).toBe(d.endColumn);
      expect(a.props.title).toBe(`docdrift(${d.ruleId})`);
      expect(a.message.startsWith(d.message)).toBe(true);
    });
    expect(lines.at(-1)).toMatch(/^docdrift: \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\)/);
    expect(lines).toHaveLength(diagnostics.length + 1);
  });

  it('escapes %, CR, LF in messages and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const out = github(sortDiagnostics([...tricky]));
    const a = parse(out);
    const drift = a.find((x) => x.props.title === 'docdrift(wording-drift)')!;
    expect(drift.props.file).toBe('docs/with space/ünïcode #1.rst');
    expect(drift.message).toBe(`${tricky[0]!.message}\n↳ docs/other/page.md:30:1 the other variant says "Access\r\nforbidden"`);
    // Every command stays on one line.
    expect(out.split('\n').filter((l) => l !== '')).toHaveLength(tricky.length + 1);
    const multi = a.find((x) => x.props.title === 'docdrift(external-self-link)')!;
    expect(multi.props).toEqual({ file: 'docs/a.rst', line: '4', endLine: '5', col: '1', title: 'docdrift(external-self-link)' });
    expect(a.find((x) => x.props.title === 'docdrift(ref-text-stale)')!.level).toBe('notice');
    expect(out).toContain('::notice file=docs/a.rst,line=9,endLine=9,col=2,endColumn=2,title=docdrift(ref-text-stale)::multi%0Aline, message: with %2525 percent\n');
  });

  it('says how many annotations GitHub will not show (10 per level per step)', () => {
    const many: Diagnostic[] = Array.from({ length: 13 }, (_, i) => ({ ruleId: 'broken-ref', severity: 'error', message: `m${i}`, file: 'a.rst', line: i + 1, column: 1, endLine: i + 1, endColumn: 5 }));
    const warn: Diagnostic[] = Array.from({ length: 4 }, (_, i) => ({ ...many[i]!, severity: 'warning', message: `w${i}` }));
    const out = github([...many, ...warn]);
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'docdrift: 17 problems (13 errors, 4 warnings, 0 info); GitHub shows the first 10 annotations of each level, so 3 errors are not shown on the diff: see the full report (e.g. --format markdown into $GITHUB_STEP_SUMMARY)',
    );
    expect(github([])).toBe('docdrift: no problems\n');
  });
});
