/**
 * The docdrift document model: a unist-compatible tree shared by
 * reStructuredText and Markdown. See docs/model.md for each node.
 *
 * Positions follow unist: 1-based line and column, `end` exclusive, plus a
 * 0-based `offset` into the source string (UTF-16 code units).
 */

export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

export interface NodeBase {
  type: string;
  position?: Position;
  data?: Record<string, unknown>;
}

export type Format = 'rst' | 'markdown';

/* ----------------------------------------------------------------- blocks */

export interface Root extends NodeBase {
  type: 'root';
  format: Format;
  path?: string;
  children: Block[];
}

/** A section: its heading first, then the blocks up to the next heading of the same or a higher level. */
export interface Section extends NodeBase {
  type: 'section';
  /** 1 for the page title, 2 for its subsections, … */
  depth: number;
  /** Labels attached to the section (`.. _x:` right above its title), normalised. */
  labels: string[];
  children: Block[];
}

export interface Heading extends NodeBase {
  type: 'heading';
  depth: number;
  /** RST adornment style, e.g. `=` or `=over` (overline and underline); `#` for Markdown ATX headings. */
  marker?: string;
  children: Inline[];
}

export interface Paragraph extends NodeBase {
  type: 'paragraph';
  children: Inline[];
}

/** A field list (`:original_name: x.html`); at the top of an RST page these are the page's metadata. */
export interface FieldList extends NodeBase {
  type: 'fieldList';
  children: Field[];
}

export interface Field extends NodeBase {
  type: 'field';
  name: string;
  /** The field body as plain text. */
  value: string;
  children: Block[];
}

export interface Comment extends NodeBase {
  type: 'comment';
  value: string;
}

/**
 * A hyperlink target. `.. _name:` (internal label, `url` absent),
 * `.. _name: https://…` (named external target), `__ https://…` / `.. __: https://…` (anonymous),
 * Markdown/HTML `<a name="x">` or `id="x"` anchors (`origin: 'html'`).
 */
export interface Target extends NodeBase {
  type: 'target';
  /** The name as written. */
  name: string;
  /** The name normalised the way Sphinx compares labels: whitespace collapsed, lower-cased. */
  label: string;
  url?: string;
  anonymous?: boolean;
  origin?: 'rst' | 'html';
}

export interface SubstitutionDefinition extends NodeBase {
  type: 'substitutionDefinition';
  name: string;
  /** The directive that produces the substitution (`image`, `replace`, …). */
  directive: string;
  /** Directive arguments (e.g. the image URI), or the replacement text. */
  value: string;
}

/** `note`, `important`, `caution`, `warning`, `tip`, `hint`, `danger`, `attention`, `error`, `admonition`. */
export interface Admonition extends NodeBase {
  type: 'admonition';
  name: string;
  title?: string;
  children: Block[];
}

/** `code-block`, `code`, `sourcecode`, and literal blocks introduced by `::`. */
export interface Code extends NodeBase {
  type: 'code';
  lang?: string;
  value: string;
}

export interface Toctree extends NodeBase {
  type: 'toctree';
  options: Record<string, string>;
  entries: Array<{ title?: string; target: string; position: Position }>;
}

/** `**Table 1** HTTP status codes` → `{ kind: 'Table', number: 1, text: 'HTTP status codes' }`. */
export interface Caption {
  kind?: 'Table' | 'Figure';
  number?: number;
  text: string;
  /** The caption as written. */
  raw: string;
  position: Position;
}

export type TableSource = 'grid' | 'simple' | 'list-table' | 'csv-table' | 'html' | 'gfm';

export interface Table extends NodeBase {
  type: 'table';
  source: TableSource;
  caption?: Caption;
  /** Labels that point at this table (`.. _x:` right above it, or an HTML anchor/id on or before it), normalised. */
  labels: string[];
  /** Column widths in characters, for grid and simple tables. */
  colWidths?: number[];
  children: TableRow[];
}

export interface TableRow extends NodeBase {
  type: 'tableRow';
  header: boolean;
  children: TableCell[];
}

export interface TableCell extends NodeBase {
  type: 'tableCell';
  /** The grid column the cell starts in (0-based); columns covered by a span from above are skipped. */
  column: number;
  rowSpan: number;
  colSpan: number;
  children: Block[];
}

export interface Figure extends NodeBase {
  type: 'figure';
  url: string;
  caption?: Caption;
  labels: string[];
  options: Record<string, string>;
  children: Block[];
}

export interface Image extends NodeBase {
  type: 'image';
  url: string;
  alt?: string;
}

export interface List extends NodeBase {
  type: 'list';
  ordered: boolean;
  /** The marker style: `-`, `*`, `+`, `1.`, `#.`, `a)`, `(i)`, … (the first item's, with its number generalised to `1`/`a`/`i`/`#`). */
  marker: string;
  start?: number;
  children: ListItem[];
}

export interface ListItem extends NodeBase {
  type: 'listItem';
  children: Block[];
}

export interface Blockquote extends NodeBase {
  type: 'blockquote';
  children: Block[];
}

export interface DefinitionList extends NodeBase {
  type: 'definitionList';
  children: DefinitionItem[];
}

export interface DefinitionItem extends NodeBase {
  type: 'definitionItem';
  term: Inline[];
  children: Block[];
}

export interface ThematicBreak extends NodeBase {
  type: 'thematicBreak';
}

/** Raw HTML that was not turned into model nodes. */
export interface Html extends NodeBase {
  type: 'html';
  value: string;
}

/** Any other directive, kept with its name, arguments, options and body. */
export interface Directive extends NodeBase {
  type: 'directive';
  name: string;
  args: string;
  options: Record<string, string>;
  /** The body as written (dedented). */
  value: string;
  /** The body parsed as RST blocks, for directives whose body is RST content. */
  children: Block[];
}

export type Block =
  | Section
  | Heading
  | Paragraph
  | FieldList
  | Comment
  | Target
  | SubstitutionDefinition
  | Admonition
  | Code
  | Toctree
  | Table
  | Figure
  | Image
  | List
  | Blockquote
  | DefinitionList
  | ThematicBreak
  | Html
  | Directive;

/* ---------------------------------------------------------------- inlines */

export interface Text extends NodeBase {
  type: 'text';
  value: string;
}

export interface Emphasis extends NodeBase {
  type: 'emphasis';
  children: Inline[];
}

export interface Strong extends NodeBase {
  type: 'strong';
  children: Inline[];
}

export interface InlineCode extends NodeBase {
  type: 'inlineCode';
  value: string;
}

/** An internal cross-reference: `:ref:`, `:doc:`, `:numref:`. */
export interface CrossReference extends NodeBase {
  type: 'crossReference';
  role: 'ref' | 'doc' | 'numref';
  /** The target as written. */
  target: string;
  /** For `ref`/`numref`: the target normalised like labels. For `doc`: the path as written. */
  label: string;
  /** Whether the text was given (`:ref:`text <label>``) rather than taken from the target. */
  explicit: boolean;
  children: Inline[];
}

/** A hyperlink: `` `text <url>`_ ``, `` `text <url>`__ ``, a standalone URL, `[text](url)`, `<a href>`. */
export interface Link extends NodeBase {
  type: 'link';
  url: string;
  anonymous?: boolean;
  /** `` `text`_ `` references a named target instead of giving the URL. */
  refname?: string;
  children: Inline[];
}

/** Any other interpreted text role, e.g. `:guilabel:`, `:term:`, `:sup:`. */
export interface Role extends NodeBase {
  type: 'role';
  role: string;
  value: string;
}

export interface SubstitutionReference extends NodeBase {
  type: 'substitutionReference';
  name: string;
}

export interface Break extends NodeBase {
  type: 'break';
}

export type Inline = Text | Emphasis | Strong | InlineCode | CrossReference | Link | Role | SubstitutionReference | Image | Break | Target;

export type Node = Root | Block | Inline | TableRow | TableCell | ListItem | Field | DefinitionItem;
export type Parent = Extract<Node, { children: unknown[] }>;

/* --------------------------------------------------------------- messages */

export type Severity = 'error' | 'warning' | 'info';

/** A problem the parser recovered from, at a position in the source. */
export interface ParseMessage {
  severity: Severity;
  /** The first line is docutils' wording where docutils reports the same problem. */
  message: string;
  /** A stable id: `malformed-table`, `blank-line-required`, `unknown-format`, `internal-error`, … */
  code: string;
  position: Position;
  line: number;
  column: number;
}

export interface ParseResult {
  root: Root;
  messages: ParseMessage[];
}

export interface ParseOptions {
  /** Used to pick the format by extension, and kept on the root. */
  path?: string;
  /** Force a format instead of detecting it. */
  format?: Format;
}
