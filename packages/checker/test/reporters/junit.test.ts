import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/diagnostic.js';
import { CLEAN_CASE, junit, xmlEscape } from '../../src/reporters/junit.js';
import { seeds, tricky } from './seeds.js';

interface Case {
  classname: string;
  name: string;
  failure?: { type: string; message: string; '#text': string };
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  testcase: Case[];
}

function parse(xml: string): { suites: Suite[]; root: Record<string, string> } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase', processEntities: true, htmlEntities: true }).parse(xml);
  return { suites: doc.testsuites.testsuite ?? [], root: doc.testsuites };
}

describe('--format junit', () => {
  it('the seeds: one suite per checked file, one failing case per finding, a passing case per clean file', async () => {
    const { diagnostics, context } = await seeds();
    const xml = junit(diagnostics, context);
    const { suites, root } = parse(xml);
    expect(suites.map((s) => s.name)).toEqual([...context.files!]);
    expect(Number(root.failures)).toBe(diagnostics.length);
    const cases = suites.flatMap((s) => s.testcase);
    const failing = cases.filter((c) => c.failure);
    expect(failing).toHaveLength(diagnostics.length);
    // classname + name is unique (GitLab collapses duplicates).
    const ids = cases.map((c) => `${c.classname}\u0000${c.name}`);
    expect(new Set(ids).size).toBe(ids.length);
    // Clean files pass; files with findings have only failing cases.
    for (const s of suites) {
      const mine = diagnostics.filter((d) => d.file === s.name);
      if (mine.length === 0) expect(s.testcase).toEqual([{ classname: s.name, name: CLEAN_CASE }]);
      else expect(s.testcase.every((c) => c.failure && c.classname === s.name)).toBe(true);
      expect(Number(s.tests)).toBe(Math.max(1, mine.length));
    }
    // The external self-link of seed 000, as a failing case.
    const self = failing.find((c) => c.failure!.type === 'warning:external-self-link')!;
    expect(self.classname).toBe('docs-sources/http-status-codes/apig-absolute-self-link.rst');
    expect(self.name).toMatch(/^external-self-link 4:1 `Table 1` is an absolute link/);
    expect(self.failure!['#text']).toContain('↳ docs-sources/http-status-codes/apig-internal-ref.rst:6:1');
    expect(junit(diagnostics, context)).toBe(xml);
    expect(xml).not.toMatch(/timestamp=|time=/);
  });

  it('escapes markup, control characters and line breaks; duplicate names get a number', () => {
    const dup = { ...tricky[1]!, endColumn: 99 };
    const xml = junit(sortDiagnostics([...tricky, dup, { ...tricky[2]!, message: 'bell \u0007 and nul \u0000 <x>' }]));
    const { suites } = parse(xml);
    const cases = suites.flatMap((s) => s.testcase);
    const drift = cases.find((c) => c.failure?.type === 'warning:wording-drift')!;
    expect(drift.failure!.message).toContain('<script>alert(1)</script>');
    expect(xml).not.toContain('<script>');
    expect(cases.filter((c) => c.failure?.type === 'error:external-self-link').map((c) => c.name)).toEqual([
      'external-self-link 4:1 use :ref:`Table 1 <label>` instead',
      'external-self-link 4:1 use :ref:`Table 1 <label>` instead (#2)',
    ]);
    expect(xml.includes('\u0000') || xml.includes('\u0007')).toBe(false);
    expect(xmlEscape('a\nb\r"\'&')).toBe('a&#10;b&#13;&quot;&apos;&amp;');
  });

  it('no findings and no file list: an empty, valid report', () => {
    const { suites, root } = parse(junit([]));
    expect(suites).toEqual([]);
    expect(root.tests).toBe('0');
  });

  it('a clean file is one passing testcase', () => {
    const { suites, root } = parse(junit([tricky[1]!], { files: ['docs/a.rst', 'docs/clean.rst'] }));
    expect(suites.map((s) => [s.name, s.testcase.map((c) => [c.name, Boolean(c.failure)])])).toEqual([
      ['docs/a.rst', [['external-self-link 4:1 use :ref:`Table 1 <label>` instead', true]]],
      ['docs/clean.rst', [[CLEAN_CASE, false]]],
    ]);
    expect([root.tests, root.failures]).toEqual(['2', '1']);
  });
});
