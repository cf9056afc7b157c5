import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat, fields, labels, parse, references, statusTable, tables, title, type Position, type Root } from '../src/index.js';

const docs = (name: string) => fileURLToPath(new URL(`../../../docs-sources/http-status-codes/${name}`, import.meta.url));
const seed = (name: string) => fileURLToPath(new URL(`./fixtures/seeds/${name}`, import.meta.url));

function load(path: string): { text: string; root: Root; messages: ReturnType<typeof parse>['messages'] } {
  const text = readFileSync(path, 'utf8');
  const { root, messages } = parse(text, { path });
  return { text, root, messages };
}

/** The source text a position covers. */
function at(text: string, p: Position | undefined): string {
  if (!p) throw new Error('no position');
  return text.slice(p.start.offset, p.end.offset);
}

describe('the seed pages', () => {
  it('detects the format of the original .txt seeds by content', () => {
    for (const [name, format] of [
      ['000_2203a1240ae8a0da.txt', 'rst'],
      ['001_8f483f796d910b2c.txt', 'rst'],
      ['002_324be49886528245.txt', 'rst'],
      ['003_78c7cbdb1630d3b8.txt', 'rst'],
      ['004_4c40155d4d927529.txt', 'markdown'],
    ] as const) {
      const text = readFileSync(seed(name), 'utf8');
      expect(detectFormat(text, name), name).toBe(format);
      expect(parse(text, { path: name }).root.format).toBe(format);
    }
  });

  it('keeps docs-sources byte-identical to the seeds', () => {
    expect(readFileSync(docs('apig-absolute-self-link.rst'))).toEqual(readFileSync(seed('000_2203a1240ae8a0da.txt')));
    expect(readFileSync(docs('two-tables-markdown-export.md'))).toEqual(readFileSync(seed('004_4c40155d4d927529.txt')));
  });

  describe('000 apig-absolute-self-link', () => {
    const { text, root, messages } = load(docs('apig-absolute-self-link.rst'));
    it('has one status table of 18 codes captioned "Table 1 User management permissions" and no label', () => {
      expect(messages).toEqual([]);
      expect(title(root)?.text).toBe('HTTP Status Codes');
      const [table, ...more] = tables(root);
      expect(more).toHaveLength(0);
      expect(table?.caption).toMatchObject({ kind: 'Table', number: 1, text: 'User management permissions', raw: '**Table 1** User management permissions' });
      expect(table?.labels).toEqual([]);
      expect(table?.headerRows.map((r) => r.map((c) => c.text))).toEqual([['**Return Value**'.replace(/\*/g, ''), 'Description']]);
      const status = statusTable(table!);
      expect(status.map((e) => e.code)).toEqual([200, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 410, 412, 500, 501, 502, 503, 504]);
      expect(status.find((e) => e.code === 403)).toMatchObject({ phrase: 'Forbidden', description: 'You are forbidden to access the requested page.' });
      expect(labels(root)).toEqual([]);
    });
    it('sees the absolute link to its own table', () => {
      const refs = references(root);
      expect(refs).toHaveLength(1);
      expect(refs[0]).toMatchObject({
        kind: 'link',
        text: 'Table 1',
        anonymous: true,
        target: 'https://docs.otc.t-systems.com/en-us/api/apiug/apig-en-api-180328012.html#apig-en-api-180328012__table11812530035',
      });
      expect(refs[0]?.position?.start).toEqual({ line: 4, column: 1, offset: 37 });
      expect(at(text, refs[0]?.position)).toMatch(/^`Table 1 <https:.*>`__$/);
    });
    it('puts cells at their exact source positions', () => {
      const status = statusTable(tables(root)[0]!);
      const ok = status[0]!;
      expect(ok.position?.start).toMatchObject({ line: 11, column: 6 });
      expect(at(text, ok.phrasePosition)).toBe('200 OK');
      expect(ok.descriptionPosition?.start).toMatchObject({ line: 11, column: 46 });
      expect(at(text, ok.descriptionPosition)).toBe('The request has been processed successfully.');
      const bad = status.find((e) => e.code === 400)!;
      // multi-paragraph cell with a "1." list: starts on line 15 and ends on line 19
      expect(bad.descriptionPosition?.start.line).toBe(15);
      expect(bad.descriptionPosition?.end.line).toBe(19);
      expect(at(text, bad.descriptionPosition).endsWith('2. Request parameters are incorrect.')).toBe(true);
    });
  });

  describe('001 apig-internal-ref', () => {
    const { text, root, messages } = load(docs('apig-internal-ref.rst'));
    it('refers to its table through :ref: and the label above the table', () => {
      expect(messages).toEqual([]);
      const refs = references(root);
      expect(refs).toEqual([
        expect.objectContaining({ kind: 'ref', target: 'apig-en-api-180328012__table11812530035', text: 'Table 1', explicit: true }),
      ]);
      expect(at(text, refs[0]?.position)).toBe(':ref:`Table 1 <apig-en-api-180328012__table11812530035>`');
      const [table] = tables(root);
      expect(table?.labels).toEqual(['apig-en-api-180328012__table11812530035']);
      expect(table?.caption?.text).toBe('User management permissions');
      expect(statusTable(table!)).toHaveLength(18);
      expect(labels(root)).toEqual([expect.objectContaining({ label: 'apig-en-api-180328012__table11812530035', context: 'block' })]);
      expect(labels(root)[0]?.position?.start).toEqual({ line: 6, column: 1, offset: 126 });
      expect(at(text, labels(root)[0]?.position)).toBe('.. _apig-en-api-180328012__table11812530035:');
    });
  });

  describe('002 apig-rfc-wording', () => {
    const { text, root, messages } = load(docs('apig-rfc-wording.rst'));
    it('reads the field list, the page label and the "HTTP status codes" caption', () => {
      expect(messages).toEqual([]);
      expect(fields(root)).toEqual({ original_name: expect.objectContaining({ value: 'apig-en-api-180713206.html' }) });
      const section = root.children.find((b) => b.type === 'section');
      expect(section && section.type === 'section' ? section.labels : []).toEqual(['apig-en-api-180713206']);
      const [table] = tables(root);
      expect(table?.caption).toMatchObject({ number: 1, text: 'HTTP status codes' });
      expect(table?.labels).toEqual(['apig-en-api-180713206__table11812530035']);
      const status = statusTable(table!);
      expect(status).toHaveLength(18);
      expect(status.find((e) => e.code === 403)?.description).toBe('The server understood the request, but is refusing to fulfill it.');
    });
    it('parses the "#." list inside the 400 cell as a list', () => {
      const table = tables(root)[0]!;
      const row = table.bodyRows.find((r) => r[0]?.text.startsWith('400'))!;
      const cell = row[1]!.node;
      expect(cell.children.map((b) => b.type)).toEqual(['paragraph', 'list']);
      const list = cell.children[1]!;
      expect(list.type === 'list' && list.marker).toBe('#.');
      expect(list.type === 'list' && list.children.map((li) => at(text, li.position))).toEqual([
        '#. Malformed request syntax',
        '#. Invalid request message framing',
      ]);
      expect(list.position?.start).toMatchObject({ line: 23, column: 42 });
    });
  });

  describe('003 two-tables', () => {
    const { text, root, messages } = load(docs('two-tables.rst'));
    it('has two 3-column tables of 4 and 14 codes', () => {
      expect(messages).toEqual([]);
      const ts = tables(root);
      expect(ts.map((t) => t.caption?.text)).toEqual(['Normal status codes', 'Abnormal status codes']);
      expect(ts.map((t) => t.caption?.number)).toEqual([1, 2]);
      expect(ts.map((t) => statusTable(t).length)).toEqual([4, 14]);
      expect(ts[0]?.headerRows[0]?.map((c) => c.text)).toEqual(['Status Code', 'Message', 'Description']);
      const e202 = statusTable(ts[0]!).find((e) => e.code === 202)!;
      expect(e202).toMatchObject({ phrase: 'Accepted', description: 'Operations that take a long time to process. The request has been accepted but the processing is not complete.' });
      expect(at(text, e202.phrasePosition)).toBe('Accepted');
      expect(e202.phrasePosition?.start).toMatchObject({ line: 17, column: 30 });
      const e401 = statusTable(ts[1]!).find((e) => e.code === 401)!;
      expect(e401.description).toBe('You must enter a username and the password to access the requested page.');
      expect(e401.descriptionPosition?.start).toMatchObject({ line: 31, column: 52 });
    });
  });

  describe('004 two-tables-markdown-export', () => {
    const { text, root } = load(docs('two-tables-markdown-export.md'));
    it('has two HTML tables of 4 and 14 codes with their anchors', () => {
      expect(root.format).toBe('markdown');
      const ts = tables(root);
      expect(ts.map((t) => statusTable(t).length)).toEqual([4, 14]);
      expect(ts.map((t) => t.labels[0])).toEqual(['table5683702611201', 'table3221958111201']);
      expect(ts[0]?.headerRows[0]?.map((c) => c.text)).toEqual(['Returned Value', 'Description']);
      const e403 = statusTable(ts[1]!).find((e) => e.code === 403)!;
      expect(e403).toMatchObject({ phrase: 'Forbidden', description: 'You are forbidden to access the requested page.' });
      // the HTML sits indented inside a list item: positions must still point at the text
      expect(at(text, e403.descriptionPosition)).toContain('You are forbidden to access the requested page.');
      expect(title(root)?.text).toBe('Status Codes');
    });
  });
});
