/**
 * Property tests: whatever the input, `parse` does not throw, reports no
 * `internal-error`, and every position in the result lies inside the input,
 * with line/column agreeing with the offset and children inside their parents.
 *
 * Inputs: random strings; RST and Markdown assembled from fragments that stress
 * the parsers (titles with odd adornments, directives, grid tables with broken
 * borders and spans, lists, labels, unbalanced inline markup, tabs, CR/CRLF,
 * a BOM, combining characters, lone surrogates); and the seed pages in
 * docs-sources/ with lines deleted, duplicated, swapped and characters inserted.
 *
 * The seed is fixed (test/setup.ts) unless DOCDRIFT_PROPERTY_SEED says otherwise; to
 * replay a failure pass `{ seed, path }` from its report to `fc.assert`. Set
 * DOCDRIFT_PROPERTY_RUNS=N to run N times as many cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Format, ParseResult, Position } from '../src/index.js';
import { parse } from '../src/index.js';

/* ------------------------------------------------------------ invariants */

/**
 * Line starts the way unist points count lines: after `\n`, after `\r\n`, and
 * after a lone `\r` (as micromark and docutils do). Computed here
 * independently of the parser's own SourceMap.
 */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

function expectedPoint(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

interface Walked {
  type?: unknown;
  position?: Position;
  children?: unknown;
  term?: unknown;
  caption?: { position?: Position };
  entries?: Array<{ position?: Position }>;
}

/** Every violation of the position invariants in `result` (at most `limit`). */
function violations(input: string, result: ParseResult, limit = 5): string[] {
  const out: string[] = [];
  const starts = lineStarts(input);
  const report = (s: string) => {
    if (out.length < limit) out.push(s);
  };

  const checkPosition = (where: string, pos: Position | undefined, parent: Position | undefined) => {
    if (pos === undefined) return;
    const { start, end } = pos;
    if (!start || !end) return report(`${where}: position without start/end`);
    for (const [name, p] of [['start', start], ['end', end]] as const) {
      if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > input.length) {
        report(`${where}: ${name}.offset ${p.offset} outside 0..${input.length}`);
        continue;
      }
      const want = expectedPoint(starts, p.offset);
      if (p.line !== want.line || p.column !== want.column)
        report(`${where}: ${name} ${p.line}:${p.column} but offset ${p.offset} is ${want.line}:${want.column}`);
    }
    if (start.offset > end.offset) report(`${where}: start.offset ${start.offset} > end.offset ${end.offset}`);
    if (start.line > end.line || (start.line === end.line && start.column > end.column))
      report(`${where}: start ${start.line}:${start.column} after end ${end.line}:${end.column}`);
    if (parent && (start.offset < parent.start.offset || end.offset > parent.end.offset))
      report(`${where}: ${start.offset}-${end.offset} outside its parent ${parent.start.offset}-${parent.end.offset}`);
  };

  const walk = (node: Walked, path: string, parent: Position | undefined) => {
    if (out.length >= limit) return;
    if (node === null || typeof node !== 'object') return report(`${path}: not a node`);
    if (typeof node.type !== 'string') report(`${path}: node without a type`);
    const where = `${path}(${String(node.type)})`;
    checkPosition(where, node.position, parent);
    const inner = node.position ?? parent;
    if (node.caption) checkPosition(`${where}.caption`, node.caption.position, inner);
    if (Array.isArray(node.entries)) node.entries.forEach((e, i) => checkPosition(`${where}.entries[${i}]`, e.position, inner));
    if (Array.isArray(node.term)) (node.term as Walked[]).forEach((c, i) => walk(c, `${where}.term[${i}]`, inner));
    if (node.children !== undefined) {
      if (!Array.isArray(node.children)) return report(`${where}: children is not an array`);
      (node.children as Walked[]).forEach((c, i) => walk(c, `${where}.children[${i}]`, inner));
    }
  };

  walk(result.root as Walked, 'root', undefined);
  const root = result.root.position;
  if (root && (root.start.offset !== 0 || root.end.offset !== input.length)) report(`root: spans ${root.start.offset}-${root.end.offset}, input is 0-${input.length}`);
  result.messages.forEach((m, i) => {
    checkPosition(`messages[${i}] (${m.code})`, m.position, undefined);
    if (m.position && (m.line !== m.position.start.line || m.column !== m.position.start.column))
      report(`messages[${i}]: line/column ${m.line}:${m.column} differ from position ${m.position.start.line}:${m.position.start.column}`);
  });
  return out;
}

/** Parses `input` and returns everything wrong with the result (empty when the properties hold). */
function problems(input: string, format?: Format, path?: string): string[] {
  let result: ParseResult;
  try {
    result = parse(input, { format, path });
  } catch (error) {
    return [`parse threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
  const out: string[] = [];
  for (const m of result.messages) if (m.code === 'internal-error') out.push(`internal-error: ${m.message}`);
  try {
    JSON.stringify(result);
  } catch (error) {
    out.push(`result is not JSON-serialisable: ${String(error)}`);
  }
  return [...out, ...violations(input, result)];
}

const FORMATS: Format[] = ['rst', 'markdown'];
/** `DOCDRIFT_PROPERTY_RUNS=20 npx vitest run test/properties.test.ts` runs 20 times as many cases (bug hunting). */
const SCALE = Math.max(1, Number(process.env.DOCDRIFT_PROPERTY_RUNS ?? 1) || 1);
const RUNS = { numRuns: 300 * SCALE };
/** Markdown goes through micromark and parse5 and costs a few ms per seed page: fewer runs there. */
const FEW_RUNS = { numRuns: 100 * SCALE };
/** No wall-clock assertion: only a generous ceiling so that a slow, busy machine does not fail the run. */
const TIMEOUT = 60_000 * SCALE;

/* ------------------------------------------------------------- fragments */

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** Odd characters: tabs, CR, BOM, combining marks, wide and astral characters, a lone surrogate, NUL. */
const oddChar = pick('\t', '\r', '\r\n', '\uFEFF', 'e\u0301', '\u0301', 'ｗ', '表', '👍', '\u{1F1E9}\u{1F1EA}', '\uD800', '\uDC00', '\u0000', '\u00A0', '\u2028', '\u200B', '\f', '\v');

/**
 * Any code point, lone surrogates included, mostly ASCII. (fast-check's own
 * `unit: 'binary'` spends ~1.5 s building its tables before the first value.)
 */
const anyChar = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);

const word = fc.oneof(
  { weight: 6, arbitrary: pick('status', 'OK', '200', '404', 'Not', 'Found', 'the', 'a', 'x', 'Table', '1', 'caption', 'é', 'naïve', 'ß', 'ÿ') },
  { weight: 1, arbitrary: oddChar },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** Inline markup, much of it unbalanced or malformed on purpose. */
const inlineBit = pick(
  '`', '``', '*', '**', '_', '__', '|', '\\', '\\`', ':', '<', '>',
  '`text`', '``literal``', '*em*', '**strong**', '**unclosed', '*a', '``lit', '`open', 'close`', '`a`_', '`a`__', 'word_', 'anon__',
  '`text <https://example.com/x>`_', '`text <https://example.com/x>`__', '`text <https://example.com/x`_', '`<>`_', '`text <>`__',
  ':ref:`label`', ':ref:`Text <label>`', ':ref:`Text <label', ':ref:`', ':ref:``', ':ref:`<>`', ':numref:`Table 1 <t1>`', ':doc:`../other`',
  ':sup:`2`', ':guilabel:`&OK`', ':unknown-role:`x`', '`x`:ref:', '|image1|', '|sub', '|a|_', '[1]_', '[#]_', '[*]_',
  'https://example.com/a_(b)', 'http://x', 'mailto:a@b.c', 'a@b.c', '::', '.. ', '..', '-', '+', '#.', '=',
);

const text = fc.array(fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: inlineBit }), { minLength: 1, maxLength: 10 }).chain((parts) =>
  pick(' ', '', '  ').map((sep) => parts.join(sep)),
);

const indentation = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: pick(' ', '  ', '   ', '    ', '      ', '\t', ' \t') });

function indentLines(s: string, pad: string): string {
  return pad === '' ? s : s.split('\n').map((l) => (l === '' ? l : pad + l)).join('\n');
}

const adornment = pick('=', '-', '~', '^', '"', "'", '`', '#', '*', '+', ':', '.', '_', '<', '>');

const title = fc.record({ c: adornment, t: text, d: fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 3 })), over: fc.boolean(), overC: fc.option(adornment) }).map(({ c, t, d, over, overC }) => {
  const rule = c.repeat(Math.max(1, t.length + d));
  return over ? `${(overC ?? c).repeat(Math.max(1, t.length + d))}\n${t}\n${rule}` : `${t}\n${rule}`;
});

const label = fc.oneof(
  text.map((t) => `.. _${t}:`),
  pick('.. _label:', '.. _Label Mixed Case:', '.. _`quoted: label`:', '.. _x: https://example.com', '.. __: https://example.com', '__ https://example.com', '.. _:', '.. _a\\:b:', '.. _target_with_no_end'),
);

const fieldList = fc.array(fc.tuple(pick('original_name', 'orphan', 'tocdepth', '', 'a b', ':', 'x`'), text), { minLength: 1, maxLength: 3 }).map((fs) =>
  fs.map(([n, v]) => `:${n}: ${v}`).join('\n'),
);

const body = fc.array(text, { maxLength: 3 }).map((ls) => ls.map((l) => `   ${l}`).join('\n'));
const directiveName = pick('table', 'figure', 'image', 'note', 'important', 'caution', 'warning', 'admonition', 'code-block', 'code', 'toctree', 'list-table', 'csv-table', 'unknown', 'service_card', 'raw', 'include', 'only', 'contents', 'replace');
const option = fc.tuple(pick('alt', 'header', 'widths', 'maxdepth', 'caption', 'name', 'header-rows', 'delim', 'class', 'bad option', ''), text).map(([k, v]) => `   :${k}: ${v}`);

const directive = fc.oneof(
  fc.record({ name: directiveName, arg: fc.oneof(text, pick('**Table 1** HTTP status codes', '**Figure 2** x', '**Table** ', '**Table x** y', 'python', '/_static/x.png', '')), opts: fc.array(option, { maxLength: 3 }), blank: fc.boolean(), body }).map(
    ({ name, arg, opts, blank, body }) => [`.. ${name}:: ${arg}`, ...opts, ...(blank ? [''] : []), body].join('\n'),
  ),
  fc.tuple(text, pick('image', 'replace', 'unicode', 'date'), text).map(([n, d, a]) => `.. |${n}| ${d}:: ${a}`),
  pick(
    '.. list-table::\n   :header-rows: 1\n\n   * - a\n     - b\n   * - c',
    '.. list-table::\n   :header-rows: 5\n\n   * - a\n   * - b\n     - c\n     - d',
    '.. list-table::\n\n   - not a list of lists',
    '.. csv-table:: cap\n   :header: "a", "b"\n\n   1, 2\n   "3, 4\n   5',
    '.. csv-table::\n   :delim: |\n\n   a|b\n   c',
    '.. toctree::\n   :maxdepth: 1\n\n   intro\n   Title <path>\n   <>\n   Title <',
    '.. code-block:: json\n\n   {\n\t"a": 1\n   }',
    '.. note::',
    '.. note:: inline text\n   and more',
    '.. figure:: /x.png\n   :alt: **Figure 1** a\n\n   **Figure 1** a',
    '.. table:: **Table 1** x\n\n   not a table',
    '..',
    '.. ::',
    '.. comment\n   continued',
    '.. [1] footnote',
    '.. [#] auto',
  ),
);

/** Bullet and enumerated lists, nested, with labels and directives in items. */
const listMarker = pick('- ', '-  ', '* ', '+ ', '#. ', '1. ', '2) ', '(3) ', 'a. ', 'A) ', 'i. ', '(iv) ', 'z) ', '9999999999999. ');
const list: fc.Arbitrary<string> = fc.letrec<{ list: string }>((tie) => ({
  list: fc.array(
    fc.tuple(listMarker, fc.oneof(text, label, pick('.. _x:', '.. note::', '')), fc.option(fc.oneof({ depthSize: 'small' }, text, tie('list')), { depthSize: 'small' }), fc.boolean()).map(
      ([m, first, more, blank]) => {
        const pad = ' '.repeat(m.length);
        return [m + first, ...(more === null ? [] : [...(blank ? [''] : []), indentLines(more, pad)])].join('\n');
      },
    ),
    { minLength: 1, maxLength: 4 },
  ).chain((items) => pick('\n', '\n\n').map((sep) => items.join(sep))),
})).list;

/** A grid table, well-formed first, then optionally broken. */
const gridTable = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
    rows: fc.array(fc.array(fc.oneof(text, pick('- a', '#. b', '.. _cell-label:', '', '1. x', '.. note:: n', '**Table 1**')), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
    header: fc.option(fc.nat(), { nil: undefined }),
    spans: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
    breaks: fc.array(fc.record({ line: fc.nat(), col: fc.nat(), ch: pick('', '+', '|', '-', '=', ' ', 'x', '\t', '++'), cut: fc.boolean() }), { maxLength: 3 }),
  })
  .map(({ widths, rows, header, spans, breaks }) => {
    const rule = (c: string) => '+' + widths.map((w) => c.repeat(w + 2)).join('+') + '+';
    const out = [rule('-')];
    rows.forEach((cells, r) => {
      const height = cells.length;
      for (let k = 0; k < height; k++) {
        const parts = widths.map((w, c) => {
          const t = (c === 0 ? cells[k] : (cells[(k + c) % cells.length] ?? '')) ?? '';
          return ' ' + t.slice(0, w).padEnd(w) + ' ';
        });
        out.push('|' + parts.join('|') + '|');
      }
      out.push(header !== undefined && header % rows.length === r && r < rows.length - 1 ? rule('=') : rule('-'));
    });
    const lines = out.map((l) => [...l]);
    // Row/column spans: blank out a piece of an inner border.
    for (const [a, b] of spans) {
      const line = lines[1 + (a % Math.max(1, lines.length - 2))];
      if (line && line.length > 2) {
        const x = 1 + (b % (line.length - 2));
        if (line[x] === '|' || line[x] === '-' || line[x] === '+') line[x] = line[0] === '|' ? ' ' : line[x] === '+' ? '|' : ' ';
      }
    }
    for (const { line, col, ch, cut } of breaks) {
      const l = lines[line % lines.length];
      if (!l) continue;
      const x = col % (l.length + 1);
      if (cut) l.length = x;
      else l.splice(x, 1, ...ch);
    }
    return lines.map((l) => l.join('')).join('\n');
  });

const simpleTable = fc
  .record({ widths: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }), rows: fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), span: fc.boolean(), header: fc.boolean() })
  .map(({ widths, rows, span, header }) => {
    const rule = widths.map((w) => '='.repeat(w)).join('  ');
    const row = (cells: string[]) => widths.map((w, i) => (cells[i] ?? '').slice(0, w + 3).padEnd(w)).join('  ');
    const out = [rule];
    rows.forEach((r, i) => {
      out.push(row(r));
      if (i === 0 && span) out.push(widths.map((w) => '-'.repeat(w)).join(i % 2 ? '  ' : '--'));
      if (i === 0 && header) out.push(rule);
    });
    out.push(rule);
    return out.join('\n');
  });

const rstBlock = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: title },
  { weight: 2, arbitrary: label },
  { weight: 1, arbitrary: fieldList },
  { weight: 3, arbitrary: directive },
  { weight: 3, arbitrary: list },
  { weight: 3, arbitrary: gridTable },
  { weight: 1, arbitrary: simpleTable },
  { weight: 1, arbitrary: gridTable.map((t) => `.. table:: **Table 1** Status codes\n\n${indentLines(t, '   ')}`) },
  { weight: 1, arbitrary: fc.tuple(label, gridTable).map(([l, t]) => `${l}\n\n${t}`) },
  { weight: 1, arbitrary: oddChar },
  { weight: 1, arbitrary: pick('::', 'text::', '>>> doctest', '| line block', '|', '----', '....', '-', '#', 'term\n   definition', '   indented quote', '\\', '\n', '') },
);

const lineEnding = pick('\n', '\n', '\n', '\r\n', '\r');

/** A document: blocks, each possibly indented, separated by blank lines or not, with some line ending, maybe a BOM. */
function document(block: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .record({
      blocks: fc.array(fc.tuple(block, indentation, pick('\n\n', '\n\n', '\n', '\n\n\n', '')), { maxLength: 8 }),
      eol: lineEnding,
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
    })
    .map(({ blocks, eol, bom, finalNewline }) => {
      const body = blocks.map(([b, pad, sep]) => indentLines(b, pad) + sep).join('');
      const s = (bom ? '\uFEFF' : '') + (finalNewline ? body : body.replace(/\n+$/, ''));
      return eol === '\n' ? s : s.replace(/\n/g, eol);
    });
}

const rstDocument = document(rstBlock);

const htmlTable = fc
  .record({
    rows: fc.array(fc.array(fc.tuple(pick('td', 'th'), text, fc.option(pick(' rowspan="2"', ' colspan="3"', ' rowspan="0"', ' colspan="-1"', ' rowspan="99999"', ' colspan=x', ' class="cellrowborder" valign="top" width="50%"'))), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
    anchor: fc.option(text),
    thead: fc.boolean(),
    close: fc.boolean(),
    newline: pick('\n', '', '\n  ', '\n\n'),
  })
  .map(({ rows, anchor, thead, close, newline }) => {
    const tr = rows.map((cells) => `<tr>${cells.map(([t, c, a]) => `<${t}${a ?? ''}>${anchor !== null ? `<a name="${anchor}"></a>` : ''}${c}${close ? `</${t}>` : ''}`).join(newline)}</tr>`);
    const head = thead && tr.length > 0 ? `<thead>${tr[0]}</thead>${newline}` : '';
    return `<table>${newline}${head}<tbody>${newline}${tr.slice(thead ? 1 : 0).join(newline)}${newline}</tbody>${newline}${close ? '</table>' : ''}`;
  });

const mdBlock = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: fc.tuple(pick('#', '##', '###', '#######'), text, fc.option(text)).map(([h, t, a]) => `${h} ${t}${a === null ? '' : `<a name="${a}"></a>`}`) },
  { weight: 3, arbitrary: htmlTable },
  { weight: 2, arbitrary: fc.tuple(pick('-   ', '- ', '1. ', '*   '), htmlTable).map(([m, t]) => `${m}**Normal**\n\n${indentLines(t, ' '.repeat(m.length))}`) },
  { weight: 1, arbitrary: fc.tuple(text, text).map(([a, b]) => `**Table 1** ${a}\n\n| ${a} | ${b} |\n| --- | :-: |\n| ${b} |`) },
  { weight: 2, arbitrary: fc.tuple(text, pick('x.md', 'x.md#a', '#a', 'https://docs.otc.t-systems.com/a.html#b', '', '<>', 'a b')).map(([t, u]) => `[${t}](${u}) and ![img](${u})`) },
  { weight: 1, arbitrary: pick('```\ncode\n', '```js\na\n```', '~~~', '> quote\n> more', '---', '***', '<!-- comment', '<div>\n<p>x</p>', '<a name="x"></a>', '<a id="y">y</a>', '<a href="#z">z</a>', '<br>', '<img src=x>', '&amp; &#0; &#x110000; &bogus;', '<table>', '</table>', '<td>', '<script>x</script>', '[x]: https://e.com', '* [ ] task', '| a |\n|---|', 'Setext\n===', '    indented code') },
  { weight: 1, arbitrary: oddChar },
  { weight: 1, arbitrary: rstBlock },
);

const mdDocument = document(mdBlock);

/* ------------------------------------------------------------- mutations */

const seedDir = new URL('../../../docs-sources/http-status-codes/', import.meta.url);
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.rst') || f.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, seedDir), 'utf8') }));

type Mutation =
  | { op: 'delete' | 'duplicate' | 'indent' | 'dedent' | 'truncate'; a: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'insert'; a: number; s: string }
  | { op: 'cut'; a: number; n: number }
  | { op: 'crlf' | 'cr' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: pick<'delete' | 'duplicate' | 'indent' | 'dedent' | 'truncate'>('delete', 'duplicate', 'indent', 'dedent', 'truncate'), a: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), a: fc.nat(), s: fc.oneof(oddChar, inlineBit, pick('\n', '\n\n', '+', '|', '-', '=', '   ', '.. _x:\n\n', '<td>', '</tr>', '<table>', '<!--')) }),
  fc.record({ op: fc.constant('cut' as const), a: fc.nat(), n: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: pick('crlf' as const, 'cr' as const) }),
);

function mutate(source: string, mutations: Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const lines = s.split('\n');
    const at = (n: number) => n % Math.max(1, lines.length);
    switch (m.op) {
      case 'delete':
        lines.splice(at(m.a), 1);
        s = lines.join('\n');
        break;
      case 'duplicate':
        lines.splice(at(m.a), 0, lines[at(m.a)] ?? '');
        s = lines.join('\n');
        break;
      case 'indent':
        lines[at(m.a)] = '   ' + (lines[at(m.a)] ?? '');
        s = lines.join('\n');
        break;
      case 'dedent':
        lines[at(m.a)] = (lines[at(m.a)] ?? '').replace(/^ {1,3}/, '');
        s = lines.join('\n');
        break;
      case 'truncate': {
        const l = lines[at(m.a)] ?? '';
        lines[at(m.a)] = l.slice(0, Math.floor(l.length / 2));
        s = lines.join('\n');
        break;
      }
      case 'swap': {
        const i = at(m.a);
        const j = at(m.b);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        s = lines.join('\n');
        break;
      }
      case 'insert': {
        const i = m.a % (s.length + 1);
        s = s.slice(0, i) + m.s + s.slice(i);
        break;
      }
      case 'cut': {
        const i = m.a % (s.length + 1);
        s = s.slice(0, i) + s.slice(i + m.n);
        break;
      }
      case 'crlf':
        s = s.replace(/\r?\n/g, '\r\n');
        break;
      case 'cr':
        s = s.replace(/\r?\n/g, '\r');
        break;
    }
  }
  return s;
}

/* ----------------------------------------------------------------- tests */

describe('parse never throws and keeps positions inside the input', { timeout: TIMEOUT }, () => {
  it('has seed pages to mutate', () => {
    expect(seeds.map((s) => s.name.replace(/^.*\./, '')).sort()).toEqual(['md', 'rst', 'rst', 'rst', 'rst']);
  });

  it('the invariant checker itself catches a bad position', () => {
    const result = parse('abc\ndef', { format: 'rst' });
    const bad = structuredClone(result);
    const para = bad.root.children[0];
    expect(para?.position).toBeDefined();
    if (para?.position) para.position.end = { line: 9, column: 1, offset: 99 };
    expect(violations('abc\ndef', result)).toEqual([]);
    expect(violations('abc\ndef', bad).join('\n')).toMatch(/outside 0\.\.7/);
  });

  for (const format of FORMATS) {
    it(`random strings (${format})`, () => {
      fc.assert(
        fc.property(fc.string({ unit: anyChar, maxLength: 200 }), (s) => {
          expect(problems(s, format)).toEqual([]);
        }),
        RUNS,
      );
    });

    it(`random strings of markup characters (${format})`, () => {
      const unit = fc.oneof(pick('\n', '\n', ' ', ' ', '   ', '\t', '\r\n', '\r', '`', '*', '_', '|', '+', '-', '=', ':', '.', '#', '<', '>', '[', ']', '(', ')', '\\', 'a', '1', '"', '~', '^', '!'), oddChar);
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 300 }), (s) => {
          expect(problems(s, format)).toEqual([]);
        }),
        RUNS,
      );
    });
  }

  it('random RST built from fragments', () => {
    fc.assert(
      fc.property(rstDocument, (s) => {
        expect(problems(s, 'rst')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('random RST fragments parsed as Markdown, with format detection', () => {
    fc.assert(
      fc.property(rstDocument, (s) => {
        expect(problems(s, 'markdown')).toEqual([]);
        expect(problems(s, undefined, 'page.txt')).toEqual([]);
      }),
      FEW_RUNS,
    );
  });

  it('random Markdown with embedded HTML built from fragments', () => {
    fc.assert(
      fc.property(mdDocument, (s) => {
        expect(problems(s, 'markdown')).toEqual([]);
      }),
      { numRuns: 200 * SCALE },
    );
  });

  it('random Markdown fragments parsed as RST', () => {
    fc.assert(
      fc.property(mdDocument, (s) => {
        expect(problems(s, 'rst')).toEqual([]);
      }),
      RUNS,
    );
  });

  const rstSeeds = seeds.filter((s) => s.name.endsWith('.rst'));
  const mdSeeds = seeds.filter((s) => s.name.endsWith('.md'));
  const mutated = (pool: typeof seeds) =>
    fc.tuple(fc.nat({ max: pool.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([k, ms]) => {
      const seed = pool[k] as (typeof seeds)[number];
      return { name: seed.name, text: mutate(seed.text, ms) };
    });

  it('mutated RST seed pages', () => {
    fc.assert(
      fc.property(mutated(rstSeeds), ({ name, text }) => {
        expect(problems(text, undefined, name)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('mutated Markdown seed page', () => {
    fc.assert(
      fc.property(mutated(mdSeeds), ({ name, text }) => {
        expect(problems(text, undefined, name)).toEqual([]);
      }),
      FEW_RUNS,
    );
  });

  it('mutated seed pages in the other format', () => {
    fc.assert(
      fc.property(mutated(seeds), ({ name, text }) => {
        expect(problems(text, name.endsWith('.md') ? 'rst' : 'markdown')).toEqual([]);
      }),
      FEW_RUNS,
    );
  });

  it('the seed pages themselves', () => {
    for (const seed of seeds) {
      expect(problems(seed.text, undefined, seed.name)).toEqual([]);
      expect(problems('\uFEFF' + seed.text.replace(/\n/g, '\r\n'), undefined, seed.name)).toEqual([]);
    }
  });
});

/**
 * Minimal inputs the properties above found, shrunk by hand, kept as
 * regression tests (each was a bug; the comment says where it was fixed).
 */
describe('regressions found by the property tests', () => {
  // parse5 ends a comment that runs to the end of its HTML block one past the
  // block's value (the EOF "character"); src/html/offsets.ts ValueMap.toSource
  // maps that into the line ending after the block, so the comment ends past
  // its list item. Fix: clamp the value offset to `value.length` in toSource.
  it('an unterminated HTML comment in a list item ends inside the item (`- <div><!--\\n`)', () => {
    expect(problems('- <div><!--\n', 'markdown')).toEqual([]);
  });

  it('a bogus HTML comment in a block quote ends inside the quote (`> <div></:\\n`)', () => {
    expect(problems('> <div></:\n', 'markdown')).toEqual([]);
  });

  it('an HTML comment in a list item ends inside the item, also after a tab (`*\\t<!t\\ny`)', () => {
    expect(problems('*\t<!t\ny', 'markdown')).toEqual([]);
  });

  // parse5 foster-parents the stray `<` out of the `<tbody>`, so the HTML
  // block's nodes come out of source order (paragraph 9-10 after comment
  // 10-12); the Markdown section then ends at its *last* child's end (10) and
  // the comment lies outside it. Fix (src/markdown/sections.ts): end a section
  // at the largest end offset among its children (or where the next heading
  // starts), not at the last child's.
  it('a Markdown section contains HTML nodes that parse5 reorders (`#\\n<tbody><<!`)', () => {
    expect(problems('#\n<tbody><<!', 'markdown')).toEqual([]);
  });

  // Every nesting level is a few recursive calls in the RST block parser, so
  // about 1,600 levels of `- - - … x` used to exhaust Node's stack. Fixed in
  // src/rst/blocks.ts: nesting is capped at 200 levels with an `rst-nesting` warning.
  it('RST lists nested 5,000 deep do not overflow the stack (`"- ".repeat(5000) + "x"`)', () => {
    expect(problems('- '.repeat(5000) + 'x\n', 'rst')).toEqual([]);
  });

  // Found by a random seed in CI: a seed mutation of the Markdown export that cuts
  // an HTML table row mid-attribute (`<p><a name=   <td …><p>…`) left the `<a>`
  // open; HTML's parser re-opens it as a copy inside the next `<p>`, and the copy
  // keeps the location of the original tag, before its paragraph: its anchor was
  // a second target there. Fixed in src/html/index.ts (a copy only wraps content).
  it('an anchor after a stray backquote in a broken HTML table lies inside its paragraph', () => {
    const text = readFileSync(new URL('./fixtures/regressions/mutated-markdown-export.md', import.meta.url), 'utf8');
    expect(problems(text, undefined, 'two-tables-markdown-export.md')).toEqual([]);
  });
});
