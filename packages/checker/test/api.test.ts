import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@docdrift/checker', () => {
  it('pins its public API', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CONFIG_FILE',
        'ConfigError',
        'FORMATS',
        'applyFixes',
        'buildDocSet',
        'check',
        'checkDocSet',
        'clusterByContent',
        'compact',
        'compareDiagnostics',
        'configSchema',
        'defineRule',
        'docsUrl',
        'docutilsId',
        'format',
        'FINGERPRINT_KEY',
        'fingerprints',
        'markdown',
        'github',
        'junit',
        'sarif',
        'json',
        'loadConfig',
        'loadInput',
        'main',
        'parseDisables',
        'parseRuleFlag',
        'rebaseConfig',
        'resolveRules',
        'ruleById',
        'rules',
        'sortDiagnostics',
        'stylish',
        'validateConfig',
      ].sort(),
    );
  });
});
