import type { Diagnostic } from '../diagnostic.js';
import { compact } from './compact.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export const FORMATS = ['stylish', 'compact', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** Render diagnostics in a format. Pure: same input, same string. */
export function format(name: Format, diagnostics: readonly Diagnostic[], colorLevel: 0 | 1 | 2 | 3 = 0): string {
  switch (name) {
    case 'stylish':
      return stylish(diagnostics, { colorLevel });
    case 'compact':
      return compact(diagnostics);
    case 'json':
      return json(diagnostics);
  }
}

export { compact, json, stylish };
