import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { constantName, isRegisteredStatus, knownPhrases, reasonPhrase, registeredCodes, statusEntry } from '../src/index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('@docdrift/http-status', () => {
  it('pins its public API', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['PROVIDERS', 'REGISTRY', 'constantName', 'isRegisteredStatus', 'knownPhrases', 'reasonPhrase', 'registeredCodes', 'statusEntry'].sort(),
    );
  });

  it('is generated from the TSV that ships with it', async () => {
    // @ts-expect-error plain JS module without types
    const { render } = (await import('../scripts/generate.mjs')) as { render: (tsv: string) => string };
    const tsv = readFileSync(here('../data/status-registry.tsv'), 'utf8');
    expect(readFileSync(here('../src/registry.generated.ts'), 'utf8')).toBe(render(tsv));
  });

  it('knows registered codes and their RFC 9110 phrases', () => {
    expect(reasonPhrase(404)).toBe('Not Found');
    expect(reasonPhrase(413)).toBe('Content Too Large');
    expect(reasonPhrase(422)).toBe('Unprocessable Content');
    expect(reasonPhrase(103)).toBe('Early Hints');
    expect(reasonPhrase(510)).toBe('Not Extended');
    expect(reasonPhrase(306)).toBeUndefined();
    expect(isRegisteredStatus(418)).toBe(true);
    expect(isRegisteredStatus(210)).toBe(false);
    expect(isRegisteredStatus(299)).toBe(false);
    expect(isRegisteredStatus(509)).toBe(false);
    expect(registeredCodes()).toContain(208);
    expect(registeredCodes()).not.toContain(419);
  });

  it('keeps the older phrases readers still see', () => {
    expect(knownPhrases(413)).toEqual(expect.arrayContaining(['Content Too Large', 'Payload Too Large']));
    expect(knownPhrases(422)).toEqual(expect.arrayContaining(['Unprocessable Content', 'Unprocessable Entity']));
    expect(knownPhrases(413)).toEqual(expect.arrayContaining(['Request Entity Too Large']));
    expect(knownPhrases(302)).toEqual(['Found', 'Moved Temporarily']);
    expect(knownPhrases(413)[0]).toBe(reasonPhrase(413));
    expect(statusEntry(416)?.httpStatusCodesPhrase).toBe('Requested Range Not Satisfiable');
  });

  it('records where the libraries disagree on names', () => {
    expect(constantName(413, 'http-status-codes')).toBe('REQUEST_TOO_LONG');
    expect(constantName(413, '@nestjs/common')).toBe('PAYLOAD_TOO_LARGE');
    expect(constantName(413, 'http-status')).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(constantName(418, 'node:http2')).toBe('HTTP_STATUS_TEAPOT');
    expect(constantName(208, 'http-status-codes')).toBeUndefined();
    expect(statusEntry(507)?.nestjsSince).toBe('11.1.6');
  });
});
