import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@docdrift/parser public API', () => {
  it('exports exactly these functions', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['captionFromText', 'detectFormat', 'fields', 'labels', 'normalizeLabel', 'parse', 'references', 'statusTable', 'tables', 'title', 'toText', 'visit'].sort(),
    );
  });

  it('normalises labels like Sphinx', () => {
    expect(api.normalizeLabel('  StateCode  ')).toBe('statecode');
    expect(api.normalizeLabel('Two\n  Words')).toBe('two words');
  });
});
