import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/ref-missing-in-variant.js';
import { brief, lines, runRule } from '../helpers.js';

const variants = { public: 'public', swiss: 'swiss', export: 'export' };

const withRef = lines('Guide', '=====', '', ':ref:`Table 1 <guide__table1>` lists the codes.', '', '.. _guide__table1:', '', '.. table:: **Table 1** Codes', '', '   ==== ====', '   Code Text', '   ==== ====', '   200  OK', '   ==== ====');
const withLink = withRef.replace(':ref:`Table 1 <guide__table1>`', '`Table 1 <https://docs.example.com/guide.html#guide-table1>`__');
const plain = withRef.replace(':ref:`Table 1 <guide__table1>`', 'Table 1');

describe('ref-missing-in-variant', () => {
  it('reports the variant whose aligned text has a link where the majority has a :ref:', () => {
    const found = runRule(rule, { 'public/p.rst': withRef, 'swiss/p.rst': withRef, 'export/p.rst': withLink }, { config: { variants } });
    expect(brief(found)).toEqual([
      'export/p.rst:4:1-4:63 Text in "Guide": the majority (2 of 3 variants) have the reference :ref:`Table 1 <guide__table1>`; here it is a link to https://docs.example.com/guide.html#guide-table1',
    ]);
  });

  it('reports plain text where the other variant has a reference (a tie: on the side that lacks it)', () => {
    expect(brief(runRule(rule, { 'public/p.rst': withRef, 'swiss/p.rst': plain }, { config: { variants } }))).toEqual([
      'swiss/p.rst:4:1-4:25 Text in "Guide": public has the reference :ref:`Table 1 <guide__table1>`; here it has none',
    ]);
  });

  it('a Markdown anchor link to the same table is the same reference', () => {
    const md = lines('# Guide', '', '[Table 1](#guide__table1) lists the codes.', '', '**Table 1** Codes', '<a name="guide__table1"></a>', '<table><thead><tr><th>Code</th><th>Text</th></tr></thead><tbody><tr><td>200</td><td>OK</td></tr></tbody></table>');
    expect(runRule(rule, { 'public/p.rst': withRef, 'swiss/p.md': md }, { config: { variants } })).toEqual([]);
  });
});
