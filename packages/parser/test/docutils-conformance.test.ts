/**
 * docutils conformance of RST grid and simple tables through the full
 * `parse()`: the `parser` suite of fixtures/docutils-table-cases.json
 * (docutils' test_tables.py, kinds grid and simple) — rows, cells, spans,
 * cell text and block types, and each reported problem on its line.
 *
 * Where the installed docutils (0.19, which produced `expected`) and current
 * docutils disagree on messages, docdrift follows current docutils
 * (`upstream_messages`); see the parser README, "docutils conformance".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import type { Block, Inline, Node, ParseMessage, Table, TableCell } from '../src/index.js';

interface ExpectedCell {
  col: number;
  text: string;
  morerows: number;
  morecols: number;
  blocks: string[];
  line: number | null;
}
interface ExpectedTable {
  colwidths: number[];
  header_rows: ExpectedCell[][];
  body_rows: ExpectedCell[][];
}
interface ExpectedMessage {
  level: number;
  type: string;
  line: number;
  message: string;
}
interface ParserCase {
  id: string;
  suite: string;
  kind: string;
  input: string;
  requires_external?: string[];
  installed_pformat_matches_upstream?: boolean;
  expected: { tables: ExpectedTable[]; messages: ExpectedMessage[] };
  upstream_messages?: ExpectedMessage[];
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/docutils-table-cases.json', import.meta.url), 'utf8')) as { cases: ParserCase[] };
const cases = fixture.cases.filter((c) => c.suite === 'parser' && (c.kind === 'grid' || c.kind === 'simple'));

/**
 * Cases that do not match yet, and why. Each is run with `it.fails`, so the
 * suite stays green and fails loudly once the case starts to match (then move
 * it out of here). None of these is a table-scanner difference: the cells are
 * found as docutils finds them; what differs is how the block parser parses
 * their content or which messages it reports.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {};

/** docutils block names → docdrift node types. */
const BLOCK_TYPES: Record<string, string> = {
  paragraph: 'paragraph',
  bullet_list: 'list',
  enumerated_list: 'list',
  table: 'table',
  block_quote: 'blockquote',
  literal_block: 'code',
  doctest_block: 'code',
  definition_list: 'definitionList',
  field_list: 'fieldList',
  comment: 'comment',
  target: 'target',
  section: 'section',
  title: 'heading',
  transition: 'thematicBreak',
  substitution_definition: 'substitutionDefinition',
  figure: 'figure',
  image: 'image',
  note: 'admonition',
  tip: 'admonition',
  hint: 'admonition',
  important: 'admonition',
  caution: 'admonition',
  warning: 'admonition',
  danger: 'admonition',
  attention: 'admonition',
  error: 'admonition',
  admonition: 'admonition',
};

type AnyNode = Node | Block | Inline;

/** docutils `astext()` of the node docutils would build for ours: block children joined by blank lines. */
function astext(node: AnyNode): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'comment':
    case 'html':
      return node.value;
    case 'role':
      return node.value;
    case 'substitutionReference':
      return node.name;
    case 'break':
      return '\n';
    case 'target':
      return '';
    case 'paragraph':
    case 'heading':
    case 'emphasis':
    case 'strong':
    case 'link':
    case 'crossReference':
      return (node.children as Inline[]).map(astext).join('');
    case 'table': {
      // table > tgroup > (colspec × n, thead?, tbody) > row > entry
      const cols = (node.colWidths ?? []).map(() => '');
      const rows = (header: boolean): string[] => node.children.filter((r) => r.header === header).map((r) => r.children.map(astext).join('\n\n'));
      const head = rows(true);
      const parts = [...cols, ...(head.length > 0 ? [head.join('\n\n')] : []), rows(false).join('\n\n')];
      return parts.join('\n\n');
    }
    default:
      if ('children' in node && Array.isArray(node.children)) return (node.children as AnyNode[]).map(astext).join('\n\n');
      if ('value' in node && typeof node.value === 'string') return node.value;
      return '';
  }
}

/** Tables not nested in other tables, in document order. */
function topTables(node: AnyNode, out: Table[] = []): Table[] {
  if (node.type === 'table') {
    out.push(node);
    return out;
  }
  if ('children' in node && Array.isArray(node.children)) for (const child of node.children as AnyNode[]) topTables(child, out);
  return out;
}

interface CellView {
  col: number;
  morerows: number;
  morecols: number;
  text: string;
  blocks: string[];
  line: number | null;
}

/**
 * The line docutils gives a cell's first block. docutils' table nodes carry
 * no line, so for a nested table it is the line of the first thing inside it
 * that has one (its first cell's first block).
 */
function docutilsLine(block: Block | undefined): number | null {
  if (block === undefined) return null;
  if (block.type === 'table') {
    for (const row of block.children) for (const cell of row.children) if (cell.children[0]) return docutilsLine(cell.children[0]);
    return null;
  }
  return block.position?.start.line ?? null;
}

function viewCell(cell: TableCell): CellView {
  return {
    col: cell.column,
    morerows: cell.rowSpan - 1,
    morecols: cell.colSpan - 1,
    text: cell.children.map(astext).join('\n\n'),
    blocks: cell.children.map((b) => b.type),
    line: docutilsLine(cell.children[0]),
  };
}

function expectedCell(c: ExpectedCell): CellView {
  const blocks = c.blocks.filter((b) => b !== 'system_message').map((b) => BLOCK_TYPES[b] ?? b);
  return { col: c.col, morerows: c.morerows, morecols: c.morecols, text: c.text, blocks, line: blocks.length > 0 ? c.line : null };
}

const severity = (level: number): ParseMessage['severity'] => (level >= 3 ? 'error' : level === 2 ? 'warning' : 'info');
/** The messages docdrift must report for a case: current docutils' where the installed one differs. */
function expectedMessages(c: ParserCase): ExpectedMessage[] {
  return c.installed_pformat_matches_upstream === false && c.upstream_messages ? c.upstream_messages : c.expected.messages;
}
const messageKey = (severity: string, message: string, line: number): string => `${severity} ${line}: ${message.split('\n')[0]}`;
/** Table-scanner messages: docdrift must report these exactly (no more, no fewer). */
const TABLE_MESSAGE = /^(Malformed table\.|Blank line required after table\.)/;

function check(c: ParserCase): void {
  const { root, messages } = parse(c.input, { format: 'rst' });
  // tables
  const tables = topTables(root);
  const got = tables.map((t) => ({
    colwidths: t.colWidths,
    header_rows: t.children.filter((r) => r.header).map((r) => r.children.map(viewCell)),
    body_rows: t.children.filter((r) => !r.header).map((r) => r.children.map(viewCell)),
  }));
  const want = c.expected.tables.map((t) => ({
    colwidths: t.colwidths,
    header_rows: t.header_rows.map((r) => r.map(expectedCell)),
    body_rows: t.body_rows.map((r) => r.map(expectedCell)),
  }));
  // Messages: every one docutils reports, on its line (first line of the
  // text compared); table messages with docutils' full wording, nothing extra.
  const ours = messages.map((m) => messageKey(m.severity, m.message, m.line));
  const theirs = expectedMessages(c).map((m) => messageKey(severity(m.level), m.message, m.line));
  const tableMsgs = (list: Array<{ message: string; line: number }>): string[] =>
    list
      .filter((m) => TABLE_MESSAGE.test(m.message))
      .map((m) => `${m.line}: ${m.message}`)
      .sort();
  // One comparison, so that a failure shows every difference of the case.
  expect({ tables: got, missingMessages: theirs.filter((k) => !ours.includes(k)), tableMessages: tableMsgs(messages) }).toEqual({
    tables: want,
    missingMessages: [],
    tableMessages: tableMsgs(expectedMessages(c)),
  });
}

describe('docutils test_tables.py through parse()', () => {
  it('has the grid and simple cases', () => {
    expect(cases.filter((c) => c.kind === 'grid').length).toBe(23);
    expect(cases.filter((c) => c.kind === 'simple').length).toBe(22);
  });
  for (const c of cases) {
    if (c.requires_external) {
      it.skip(`${c.id} (needs ${c.requires_external.join(', ')} from the docutils test tree)`, () => {});
      continue;
    }
    const known = KNOWN_DIFFERENCES[c.id];
    if (known !== undefined) it.fails(`${c.id} — known difference: ${known}`, () => check(c));
    else it(c.id, () => check(c));
  }
});
