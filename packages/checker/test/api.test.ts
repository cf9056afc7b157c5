import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@docdrift/checker', () => {
  it('pins its public API', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CONFIG_FILE',
        'ConfigError',
        'FORMATS',
        'alignGroup',
        'applyFixes',
        'applyFixPass',
        'fixInput',
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
        'driftSummary',
        'format',
        'html',
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
        'summarize',
        'validateConfig',
      ].sort(),
    );
  });
});
