/**
 * What the engine knows about the documents it checks: doc sets (Sphinx
 * projects), pages, the label index and variant groups. Rules read these
 * through their context (see rule.ts and docs/writing-rules.md).
 */
import type { Caption, Figure, Format, LabelInfo, NodeBase, ParseMessage, Position, Root, Section, Table } from '@docdrift/parser';

/** One document. Pages outside the checked set ("context pages") are parsed lazily on first access to `root`. */
export interface Page {
  /** POSIX path relative to the working directory; the `file` of diagnostics. */
  readonly file: string;
  readonly text: string;
  readonly format: Format;
  readonly project: Project;
  /** POSIX path relative to the project root (`api_v3/index.rst`). */
  readonly relPath: string;
  /** Whether diagnostics are wanted for this page (false for pages loaded only as context). */
  readonly checked: boolean;
  /** Parsed document (lazy for context pages). */
  readonly root: Root;
  readonly parseMessages: readonly ParseMessage[];
  /** The page title (first highest-level heading), whitespace collapsed. */
  readonly title: string | undefined;
  /** The title's content words, stemmed and without repeats (`wordSet` in words.ts); none without a title. */
  readonly titleWords: readonly string[];
  /** `:original_name:` without a trailing `.html` (`en-us_topic_0042.html` → `en-us_topic_0042`). */
  readonly originalName: string | undefined;
  /** Normalised labels that point at the whole page (the labels of its top section). */
  readonly pageLabels: readonly string[];
  /** The page's published URL (`https://docs…/svc/api-ref/a/b.html`), when its project has one. */
  readonly url: string | undefined;
}

/** Where a label is defined and what it is attached to. */
export interface LabelDefinition {
  /** Normalised (lower-cased, whitespace collapsed). */
  readonly label: string;
  /** As written. */
  readonly name: string;
  readonly page: Page;
  /** Where the label sits: block level, inside a list item, a table cell, an HTML anchor, a `:name:` option. */
  readonly context: LabelInfo['context'];
  readonly position: Position | undefined;
  /** What the label points at (computed on demand; parses the defining page if needed). */
  readonly target: LabelTarget;
}

export type LabelTarget =
  | { kind: 'page'; section: Section; title: string }
  | { kind: 'section'; section: Section; title: string }
  | {
      kind: 'table';
      table: Table;
      caption: Caption | undefined;
      /** 1-based index of the table among the page's tables that have a caption (what Sphinx' numfig would print). */
      index: number;
    }
  | { kind: 'figure'; figure: Figure; caption: Caption | undefined; index: number }
  | { kind: 'other'; node: NodeBase | undefined };

/** Case-insensitive label index of one project. */
export interface LabelIndex {
  /** All definitions of a label (normalised or not), in file order; empty when unknown. */
  get(label: string): readonly LabelDefinition[];
  has(label: string): boolean;
  /** Every normalised label, sorted. */
  keys(): readonly string[];
  /**
   * Whether every page of the project was seen. When false (only some files
   * given and the project root unknown), an absent label proves nothing.
   */
  readonly complete: boolean;
}

/** A Sphinx project: the folder that holds `conf.py` (or its fallback). */
export interface Project {
  /** POSIX path of the project root relative to the working directory ('.' for the cwd). */
  readonly root: string;
  /** A name from the config, else the root. */
  readonly name: string;
  /** Published URL prefix of the project, ending in `/` (`https://docs.otc.t-systems.com/vpc-endpoint/api-ref/`). */
  readonly url: string | undefined;
  /** How the root was found. */
  readonly source: 'config' | 'conf.py' | 'toctree' | 'argument' | 'fallback';
  readonly pages: readonly Page[];
  readonly labels: LabelIndex;
  /** Page by its path below the project root. */
  pageByPath(relPath: string): Page | undefined;
  /** Pages whose `:original_name:` (without `.html`) or page label is this topic id. */
  pagesByTopicId(id: string): readonly Page[];
}

/** What a URL means in the doc set (see DocSet.resolveUrl). */
export interface UrlResolution {
  /** The URL is on one of the configured sites of this project's doc set. */
  readonly project: Project | undefined;
  /** How the page was found: the published path, or the legacy `…/<topic-id>.html` form, or the anchor alone. */
  readonly via: 'path' | 'topic-id' | 'anchor' | 'none';
  /** The page the URL names (undefined when it names no page that exists). */
  readonly page: Page | undefined;
  /** The page path the URL names, relative to the project root (`a/b.rst`), when it uses the published scheme. */
  readonly relPath: string | undefined;
  /** The `#fragment`, decoded. */
  readonly anchor: string | undefined;
  /** Label definitions in the project whose docutils id equals the anchor (anywhere in the project). */
  readonly anchorLabels: readonly LabelDefinition[];
}

/** Pages that are the same page in different variants. */
export interface VariantGroup {
  /** Stable id: the pairing key. */
  readonly key: string;
  /** How the members were paired. */
  readonly by: 'path' | 'original-name' | 'label' | 'title' | 'content';
  readonly members: ReadonlyArray<{ variant: string; page: Page }>;
}

export interface DocSet {
  readonly projects: readonly Project[];
  readonly pages: readonly Page[];
  readonly variantGroups: readonly VariantGroup[];
  pageByFile(file: string): Page | undefined;
  projectOf(file: string): Project | undefined;
  /** The variant group of a page, if it has counterparts. */
  variantGroupOf(page: Page): VariantGroup | undefined;
  /** The variant name (from the config's variant roots) of a page, if any. */
  variantOf(page: Page): string | undefined;
  /** Map an absolute URL to a project/page/anchor, when it points at a configured site (`from`: prefer its project for legacy topic-id links). */
  resolveUrl(url: string, from?: Page): UrlResolution | undefined;
  /** The published URL of a page (and anchor), when its project has a URL. */
  urlOf(page: Page, anchor?: string): string | undefined;
}
