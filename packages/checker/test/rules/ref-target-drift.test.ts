import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/ref-target-drift.js';
import { brief, lines, runRule } from '../helpers.js';

const variants = { public: 'public', swiss: 'swiss' };

const page = (label: string, target: string): string =>
  lines('Guide', '=====', '', `See :ref:\`Table 1 <${target}>\`.`, '', `.. _${label}__table1:`, '', '.. table:: **Table 1** Codes', '', '   ==== ====', '   Code Text', '   ==== ====', '   200  OK', '   ==== ====', '', `.. _${label}__table2:`, '', '.. table:: **Table 2** Errors', '', '   ==== ==========', '   Code Text', '   ==== ==========', '   404  Not Found', '   ==== ==========');

describe('ref-target-drift', () => {
  it('is silent when labels differ but each variant points at the same aligned table', () => {
    expect(runRule(rule, { 'public/p.rst': page('pub', 'pub__table1'), 'swiss/p.rst': page('ch', 'ch__table1') }, { config: { variants } })).toEqual([]);
  });

  it('reports a reference that points at a different table than in the other variant', () => {
    const found = runRule(rule, { 'public/p.rst': page('pub', 'pub__table1'), 'swiss/p.rst': page('ch', 'ch__table2') }, { config: { variants, reference: 'public' } });
    expect(brief(found)).toEqual([
      'swiss/p.rst:4:5-4:32 Text in "Guide": "Table 1" points at :ref:`Table 1 <ch__table2>` ("Errors") here, but at :ref:`Table 1 <pub__table1>` ("Codes") in the reference (public)',
    ]);
  });

  it('"Figure 1" written as a Markdown anchor link and as a :ref: with another image id is the same figure', () => {
    const rst = lines('.. _guide:', '', 'Guide', '=====', '', ':ref:`Figure 1 <guide__fig111>` shows it.', '', '.. _guide__fig111:', '', '.. figure:: /_static/images/a.png', '', '   **Figure 1** Flow');
    const md = lines('# Guide<a name="guide"></a>', '', '[Figure 1](#fig222) shows it.', '', '**Figure 1** Flow<a name="fig222"></a>', '![](figures/b.png)');
    expect(runRule(rule, { 'public/p.rst': rst, 'swiss/p.md': md }, { config: { variants } })).toEqual([]);
  });

  it('compares references to other pages through their variant groups', () => {
    const other = (title: string): string => lines('.. _target:', '', title, '='.repeat(title.length), '', 'Text.');
    const files = {
      'public/a.rst': lines('Guide', '=====', '', 'See :ref:`target`.'),
      'public/b.rst': other('Target B'),
      'public/c.rst': lines('.. _elsewhere:', '', 'Elsewhere', '=========', '', 'Text.'),
      'swiss/a.rst': lines('Guide', '=====', '', 'See :ref:`elsewhere`.'),
      'swiss/b.rst': other('Target B'),
      'swiss/c.rst': lines('.. _elsewhere:', '', 'Elsewhere', '=========', '', 'Text.'),
    };
    const found = runRule(rule, files, { config: { variants } });
    expect(found.map((f) => `${f.file}: ${f.message}`)).toEqual([
      'public/a.rst: Text in "Guide": "Target B" points at :ref:`target` ("Target B") here, but at :ref:`elsewhere` ("Elsewhere") in swiss',
      'swiss/a.rst: Text in "Guide": "Elsewhere" points at :ref:`elsewhere` ("Elsewhere") here, but at :ref:`target` ("Target B") in public',
    ]);
  });
});
