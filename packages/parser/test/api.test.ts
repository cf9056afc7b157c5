import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@docdrift/parser public API', () => {
  it('exports exactly these functions', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['captionFromText', 'detectFormat', 'fields', 'labels', 'normalizeLabel', 'parse', 'references', 'statusTable', 'tableInfo', 'tables', 'title', 'toText', 'visit'].sort(),
    );
  });

  it('normalises labels like Sphinx', () => {
    expect(api.normalizeLabel('  StateCode  ')).toBe('statecode');
    expect(api.normalizeLabel('Two\n  Words')).toBe('two words');
  });

  it('tableInfo gives for one table what tables gives for it', () => {
    const { root } = api.parse(
      ['Title', '=====', '', '.. table:: Status codes', '', '   ====  ======', '   Code  Phrase', '   ====  ======', '   200   OK', '   404   Not Found', '   ====  ======', '', '- item', '', '  ===  ===', '  a    b', '  ===  ===', ''].join('\n'),
    );
    const found: api.TableInfo[] = [];
    api.visit(root, (n) => {
      if (n.type === 'table') found.push(api.tableInfo(n));
    });
    expect(found).toHaveLength(2);
    expect(found).toEqual(api.tables(root));
    expect(found[0]?.caption?.text).toBe('Status codes');
    expect(found[0]?.bodyRows.map((r) => r.map((c) => c.text))).toEqual([['200', 'OK'], ['404', 'Not Found']]);
  });
});
