/**
 * Builds the doc set from the engine's input: projects (Sphinx roots), pages
 * (parsed, or lazily parsed context pages), per-project label indexes, page
 * titles and topic ids, published URLs, and variant groups. No file I/O.
 */
import { parse, toText } from '@docdrift/parser';
import type { Figure, Format, Heading, ParseMessage, Position, Root, Section, Table } from '@docdrift/parser';
import type { Config } from './config.js';
import { docutilsId, normLabel, scanHeader, scanLabels, type ScanResult } from './labels.js';
import { scanTargets, type ScannedTarget } from './targets.js';
import type { DocSet, LabelDefinition, LabelIndex, LabelTarget, Page, Project, UrlResolution, VariantGroup } from './model.js';
import { isInside, normalizePath, relativeTo } from './paths.js';
import { titleWordsOf } from './words.js';

/** One file of the engine's input. */
export interface InputFile {
  /** POSIX path relative to the working directory. */
  file: string;
  /**
   * The page's text. It may be a getter: the CLI's loader reads a context page (`check: false`)
   * whose light scan it already has (`scan`) only when something needs its text, so the engine
   * itself still does no I/O and a pre-commit run does not read every page of the project.
   */
  text: string;
  /** The page's light scan (labels, `:original_name:`, title, page labels), when the caller has it: the same as `scanPage(text, format)`. */
  scan?: ScanResult;
  /** The file's size and modification time, when `text` is read lazily: a run cache keys the file by it instead of by a hash of its text. */
  stamp?: string;
  /** Whether to check this file (default true). Files with `check: false` are context: labels, variants. */
  check?: boolean;
  /** A parse result, when the caller already has one. */
  root?: Root;
  messages?: ParseMessage[];
}

/** A project root found by the loader (from `conf.py`, an `index.rst` with a toctree, or the command line). */
export interface ProjectHint {
  root: string;
  source: Project['source'];
  /** Whether every page of the project is in the input (default: the input's `complete`). */
  complete?: boolean;
}

export interface CheckInput {
  files: InputFile[];
  projects?: ProjectHint[];
  /** Whether the input holds every page of every project (default true). A pre-commit run that loads only some files says false unless it loaded the projects' context. */
  complete?: boolean;
}

/* ------------------------------------------------------------------ pages */

/** The format a page's extension says, if it says one. */
function formatByExtension(file: string): Format | undefined {
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  if (/\.rst$/i.test(file)) return 'rst';
  return undefined;
}

/** The format of a page: by extension, else by a look at its start. */
export function formatOf(file: string, text: string): Format {
  const byExtension = formatByExtension(file);
  if (byExtension) return byExtension;
  return /^#{1,6} /m.test(text.slice(0, 4000)) && !/^[=\-~^]{3,}\s*$/m.test(text.slice(0, 4000)) ? 'markdown' : 'rst';
}

/**
 * Parsed roots are held in a small LRU cache, so a whole-tree run keeps only
 * a few trees alive at a time (pages given pre-parsed stay pinned).
 */
interface Parsed {
  root: Root;
  messages: ParseMessage[];
}

export class RootCache {
  private readonly map = new Map<PageImpl, Parsed>();
  constructor(
    readonly capacity = 16,
    /** How a page is parsed (the CLI's --cache passes one that reads stored parses). */
    private readonly parseFn: ParseHook = (text, path) => parse(text, { path }),
  ) {}
  get(page: PageImpl): Parsed {
    let v = this.map.get(page);
    if (v) {
      this.map.delete(page);
      this.map.set(page, v);
      return v;
    }
    v = this.parseFn(page.text, page.file);
    this.map.set(page, v);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest) this.map.delete(oldest);
    }
    return v;
  }
}

class PageImpl implements Page {
  readonly format: Format;
  relPath = '';
  project!: ProjectImpl;
  url: string | undefined;
  private readonly pinned: Parsed | undefined;
  private scanned: ScanResult | undefined;

  constructor(
    readonly file: string,
    private readonly input: InputFile,
    readonly checked: boolean,
    private readonly cache: RootCache,
    pre?: { root: Root; messages: ParseMessage[] },
  ) {
    // The extension decides without the text, which a context page may supply only on demand.
    this.format = pre?.root.format ?? formatByExtension(file) ?? formatOf(file, input.text);
    this.pinned = pre;
    if (input.scan) {
      this.scanned = input.scan;
      this.header = { originalName: input.scan.originalName, title: input.scan.title, pageLabels: input.scan.pageLabels };
    }
  }

  get text(): string {
    return this.input.text;
  }

  private parsed(): Parsed {
    return this.pinned ?? this.cache.get(this);
  }

  private scannedTargets: Map<string, ScannedTarget> | undefined;
  private targetCache = new Map<string, LabelTarget>();

  /** What a label of this page is attached to: from a light scan, so following a :ref: never parses the target page. */
  targetOf(label: string): LabelTarget {
    let t = this.targetCache.get(label);
    if (t) return t;
    if (!this.scannedTargets) this.scannedTargets = scanTargets(this.text, this.format);
    t = shallowTarget(label, this.scannedTargets.get(label));
    this.targetCache.set(label, t);
    return t;
  }

  get root(): Root {
    return this.parsed().root;
  }

  get parseMessages(): readonly ParseMessage[] {
    return this.parsed().messages;
  }

  private header: ReturnType<typeof scanHeader> | undefined;
  /** The top of the page only: pairing reads this for every page, labels are scanned when needed. */
  private get top(): ReturnType<typeof scanHeader> {
    if (!this.header) this.header = scanHeader(this.text, this.format);
    return this.header;
  }

  /** The light scan: labels and page metadata without parsing (deterministic, whatever was parsed when). */
  get scan(): ScanResult {
    if (!this.scanned) this.scanned = { labels: scanLabels(this.text, this.format), ...this.top };
    return this.scanned;
  }

  get title(): string | undefined {
    return this.top.title;
  }
  private words: readonly string[] | undefined;
  get titleWords(): readonly string[] {
    return (this.words ??= this.scanned?.titleWords ?? titleWordsOf(this.title));
  }
  get originalName(): string | undefined {
    return this.top.originalName;
  }
  get pageLabels(): readonly string[] {
    return this.top.pageLabels;
  }
}

/* ---------------------------------------------------------------- labels */

class LabelDefinitionImpl implements LabelDefinition {
  constructor(
    readonly label: string,
    readonly name: string,
    readonly page: PageImpl,
    readonly context: LabelDefinition['context'],
    readonly position: Position | undefined,
  ) {}

  get target(): LabelTarget {
    return this.page.targetOf(this.label);
  }
}

/** A LabelTarget with shallow nodes (a section holds only its heading; a table or figure no rows or body). */
function shallowTarget(label: string, t: ScannedTarget | undefined): LabelTarget {
  if (!t || t.kind === 'other') return { kind: 'other', node: undefined };
  if (t.kind === 'page' || t.kind === 'section') {
    const heading: Heading = { type: 'heading', depth: t.depth, position: t.position, children: [{ type: 'text', value: t.title, position: t.position }] };
    const section: Section = { type: 'section', depth: t.depth, labels: [label], position: t.position, children: [heading] };
    return { kind: t.kind, section, title: t.title };
  }
  if (t.kind === 'table') {
    const table: Table = { type: 'table', source: t.source, labels: [label], position: t.position, children: [] };
    if (t.caption) table.caption = t.caption;
    return { kind: 'table', table, caption: t.caption, index: t.index };
  }
  if (t.kind !== 'figure') return { kind: 'other', node: undefined };
  const figure: Figure = { type: 'figure', url: t.url, labels: [label], options: {}, position: t.position, children: [] };
  if (t.caption) figure.caption = t.caption;
  return { kind: 'figure', figure, caption: t.caption, index: t.index };
}

class LabelIndexImpl implements LabelIndex {
  private map: Map<string, LabelDefinitionImpl[]> | undefined;
  constructor(
    private readonly project: ProjectImpl,
    readonly complete: boolean,
  ) {}

  private build(): Map<string, LabelDefinitionImpl[]> {
    if (this.map) return this.map;
    const map = new Map<string, LabelDefinitionImpl[]>();
    for (const page of this.project.pages) {
      for (const l of page.scan.labels) {
        const pos: Position = { start: { line: l.line, column: l.column, offset: l.offset }, end: { line: l.line, column: l.column + l.name.length + 5, offset: l.offset + l.name.length + 5 } };
        const d = new LabelDefinitionImpl(l.label, l.name, page, l.context, pos);
        const list = map.get(d.label);
        if (list) list.push(d);
        else map.set(d.label, [d]);
      }
    }
    this.map = map;
    return map;
  }

  get(label: string): readonly LabelDefinition[] {
    return this.build().get(normLabel(label)) ?? [];
  }
  has(label: string): boolean {
    return this.build().has(normLabel(label));
  }
  keys(): readonly string[] {
    return [...this.build().keys()].sort();
  }
  /** Definitions whose docutils id equals `anchor`'s. */
  byId(anchor: string): readonly LabelDefinition[] {
    const id = docutilsId(anchor);
    if (!this.ids) {
      this.ids = new Map();
      for (const [label, defs] of this.build()) {
        const k = docutilsId(label);
        const list = this.ids.get(k);
        if (list) list.push(...defs);
        else this.ids.set(k, [...defs]);
      }
    }
    return this.ids.get(id) ?? [];
  }
  private ids: Map<string, LabelDefinition[]> | undefined;
}

/* --------------------------------------------------------------- projects */

class ProjectImpl implements Project {
  pages: PageImpl[] = [];
  labels!: LabelIndexImpl;
  url: string | undefined;
  /** Every URL prefix of the project (mirrors), ending in '/'. */
  urls: string[] = [];
  private byPath: Map<string, PageImpl> | undefined;
  private byTopic: Map<string, PageImpl[]> | undefined;

  constructor(
    readonly root: string,
    readonly name: string,
    readonly source: Project['source'],
  ) {}

  pageByPath(relPath: string): Page | undefined {
    if (!this.byPath) this.byPath = new Map(this.pages.map((p) => [p.relPath, p]));
    return this.byPath.get(normalizePath(relPath));
  }

  pagesByTopicId(id: string): readonly Page[] {
    if (!this.byTopic) {
      const m = new Map<string, PageImpl[]>();
      for (const p of this.pages) {
        const keys = new Set<string>();
        if (p.originalName) keys.add(p.originalName.toLowerCase());
        for (const l of p.pageLabels) keys.add(l);
        for (const k of keys) {
          const list = m.get(k);
          if (list) list.push(p);
          else m.set(k, [p]);
        }
      }
      this.byTopic = m;
    }
    return this.byTopic.get(id.toLowerCase()) ?? [];
  }
}

/** `api-ref/source` → `api-ref`; `doc/best-practice/source` → `best-practice`; `doc/source` → ''. */
export function projectUrlSegment(dirBelowSite: string): string {
  let d = dirBelowSite === '.' ? '' : dirBelowSite;
  d = d.replace(/(^|\/)source$/, '');
  d = d.replace(/^doc(\/|$)/, '');
  return d;
}

function withSlash(u: string): string {
  return u.endsWith('/') ? u : `${u}/`;
}

/* ---------------------------------------------------------------- doc set */

class DocSetImpl implements DocSet {
  projects: ProjectImpl[] = [];
  pages: PageImpl[] = [];
  variantGroups: VariantGroup[] = [];
  private byFile = new Map<string, PageImpl>();
  private groupOf = new Map<Page, VariantGroup>();
  private variantName = new Map<Page, string>();
  /** Origins (scheme://host) of every configured site, for the legacy `…/<topic-id>.html` links. */
  siteOrigins = new Set<string>();
  readonly cache: RootCache;

  constructor(
    input: CheckInput,
    private readonly config: Config,
    parseFn?: ParseHook,
  ) {
    this.cache = new RootCache(16, parseFn);
    const complete = input.complete ?? true;
    // Project roots: config first, then the loader's hints; the deepest root containing a file wins.
    const hints = new Map<string, ProjectHint & { name?: string; url?: string }>();
    for (const h of input.projects ?? []) hints.set(normalizePath(h.root), { ...h, root: normalizePath(h.root) });
    for (const p of config.projects ?? []) {
      const root = normalizePath(p.root);
      const prev = hints.get(root);
      const h: ProjectHint & { name?: string; url?: string } = { root, source: 'config', complete: prev?.complete ?? complete };
      if (p.name !== undefined) h.name = p.name;
      if (p.url !== undefined) h.url = p.url;
      hints.set(root, h);
    }
    const roots = [...hints.values()].sort((a, b) => b.root.length - a.root.length);
    const projects = new Map<string, ProjectImpl>();
    const completeness = new Map<string, boolean>();
    // Not spread into new objects: an input file's text may be a getter that reads the file (see InputFile).
    const files = input.files.map((f) => ({ file: normalizePath(f.file), input: f })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const { file, input: f } of files) {
      if (this.byFile.has(file)) continue;
      const page = new PageImpl(file, f, f.check ?? true, this.cache, f.root ? { root: f.root, messages: f.messages ?? [] } : undefined);
      const hint = roots.find((h) => isInside(file, h.root));
      const rootDir = hint?.root ?? '.';
      let project = projects.get(rootDir);
      if (!project) {
        project = new ProjectImpl(rootDir, hint?.name ?? rootDir, hint?.source ?? 'fallback');
        if (hint?.url) project.urls = [withSlash(hint.url)];
        projects.set(rootDir, project);
        completeness.set(rootDir, hint?.complete ?? complete);
      }
      page.project = project;
      page.relPath = relativeTo(file, rootDir);
      project.pages.push(page);
      this.pages.push(page);
      this.byFile.set(file, page);
    }
    this.projects = [...projects.values()].sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
    for (const p of this.projects) p.labels = new LabelIndexImpl(p, completeness.get(p.root) ?? complete);
    this.assignUrls();
    this.pairVariants();
  }

  private sites(): Array<{ root: string; bases: string[] }> {
    const out: Array<{ root: string; bases: string[] }> = [];
    const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]).map(withSlash);
    if (this.config.baseUrl) out.push({ root: '.', bases: list(this.config.baseUrl) });
    for (const s of this.config.sites ?? []) out.push({ root: normalizePath(s.root), bases: list(s.baseUrl) });
    return out.sort((a, b) => b.root.length - a.root.length);
  }

  private assignUrls(): void {
    const sites = this.sites();
    for (const s of sites) for (const b of s.bases) this.siteOrigins.add(originOf(b));
    for (const p of this.projects) {
      for (const u of p.urls) this.siteOrigins.add(originOf(u));
      if (p.urls.length === 0) {
        const site = sites.find((s) => isInside(p.root, s.root));
        if (site) {
          const seg = projectUrlSegment(relativeTo(p.root, site.root));
          p.urls = site.bases.map((b) => withSlash(seg === '' ? b : b + seg));
        }
      }
      p.url = p.urls[0];
      if (p.url) for (const page of p.pages) page.url = pageUrl(p.url, page.relPath);
    }
  }

  pageByFile(file: string): Page | undefined {
    return this.byFile.get(normalizePath(file));
  }

  projectOf(file: string): Project | undefined {
    const f = normalizePath(file);
    return this.byFile.get(f)?.project ?? [...this.projects].sort((a, b) => b.root.length - a.root.length).find((p) => isInside(f, p.root));
  }

  variantGroupOf(page: Page): VariantGroup | undefined {
    return this.groupOf.get(page);
  }

  variantOf(page: Page): string | undefined {
    return this.variantName.get(page);
  }

  urlOf(page: Page, anchor?: string): string | undefined {
    if (!page.url) return undefined;
    return anchor ? `${page.url}#${docutilsId(anchor)}` : page.url;
  }

  /** Resolutions by project of the linking page and URL: pages link to the same few URLs over and over. */
  private readonly resolved = new Map<string, UrlResolution | undefined>();

  resolveUrl(url: string, from?: Page): UrlResolution | undefined {
    const key = `${from ? from.project.root : ''}\u0000${url}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const r = this.resolveUncached(url, from);
    this.resolved.set(key, r);
    return r;
  }

  private resolveUncached(url: string, from?: Page): UrlResolution | undefined {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return undefined;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const anchor = u.hash ? safeDecode(u.hash.slice(1)) : undefined;
    const bare = `${u.origin}${u.pathname}`;
    const httpsBare = bare.replace(/^http:/, 'https:');
    // 1. The published scheme: <project url><path>.html
    let best: { project: ProjectImpl; rest: string } | undefined;
    for (const p of this.projects) {
      for (const pu of p.urls) {
        const pun = pu.replace(/^http:/, 'https:');
        if ((httpsBare.startsWith(pun) || `${httpsBare}/` === pun) && (!best || pu.length > (best.project.url?.length ?? 0))) {
          best = { project: p, rest: httpsBare.length >= pun.length ? safeDecode(httpsBare.slice(pun.length)) : '' };
        }
      }
    }
    if (best) {
      const { project, rest } = best;
      const candidates =
        rest === '' || rest.endsWith('/')
          ? [`${rest}index.rst`, `${rest}index.md`]
          : /\.html?$/.test(rest)
            ? [rest.replace(/\.html?$/, '.rst'), rest.replace(/\.html?$/, '.md'), rest.replace(/\.html?$/, '/index.rst')]
            : [rest, `${rest}.rst`, `${rest}/index.rst`];
      const page = candidates.map((c) => project.pageByPath(c)).find((x) => x !== undefined);
      const byPath: UrlResolution = {
        project,
        via: 'path',
        page,
        relPath: page?.relPath ?? candidates[0],
        anchor,
        anchorLabels: anchor ? project.labels.byId(anchor) : [],
      };
      if (page) return byPath;
      // Not a page at that path: it may still be a legacy topic-id link on the same host.
      const legacy = this.resolveLegacy(u, anchor, from);
      return legacy && legacy.page ? legacy : byPath;
    }
    return this.resolveLegacy(u, anchor, from);
  }

  private resolveLegacy(u: URL, anchor: string | undefined, from: Page | undefined): UrlResolution | undefined {
    // 2. Legacy help-center links on an own host: …/<topic-id>.html[#anchor].
    if (!this.siteOrigins.has(u.origin.replace(/^http:/, 'https:')) && !this.siteOrigins.has(u.origin)) return undefined;
    const projects = from ? [from.project as ProjectImpl, ...this.projects.filter((p) => p !== from.project)] : this.projects;
    const m = /([^/]+)\.html?$/.exec(u.pathname);
    if (m) {
      const id = safeDecode(m[1] as string);
      for (const p of projects) {
        const pages = p.pagesByTopicId(id);
        if (pages.length > 0) {
          return { project: p, via: 'topic-id', page: pages[0], relPath: undefined, anchor, anchorLabels: anchor ? p.labels.byId(anchor) : [] };
        }
      }
    }
    // 3. The anchor alone names a label of a project on this site.
    if (anchor) {
      for (const p of projects) {
        const defs = p.labels.byId(anchor);
        if (defs.length > 0) {
          return { project: p, via: 'anchor', page: defs[0]?.page, relPath: undefined, anchor, anchorLabels: defs };
        }
      }
    }
    return { project: undefined, via: 'none', page: undefined, relPath: undefined, anchor, anchorLabels: [] };
  }

  /* ------------------------------------------------------------- variants */

  private pairVariants(): void {
    const sets = this.config.variants === undefined ? [] : Array.isArray(this.config.variants) ? this.config.variants : [this.config.variants];
    const grouped = new Set<Page>();
    for (const set of sets) {
      const names = Object.keys(set).sort();
      const members = new Map<string, PageImpl[]>();
      for (const name of names) {
        const dir = normalizePath(set[name] as string);
        const pages = this.pages.filter((p) => isInside(p.file, dir));
        for (const p of pages) this.variantName.set(p, name);
        members.set(name, pages);
      }
      const rel = (name: string, p: Page): string => relativeTo(p.file, normalizePath(set[name] as string));
      const keys: Array<{ by: VariantGroup['by']; key: (name: string, p: Page) => string | undefined; unique: boolean }> = [
        { by: 'path', key: rel, unique: false },
        { by: 'original-name', key: (_n, p) => p.originalName?.toLowerCase(), unique: false },
        { by: 'label', key: (_n, p) => p.pageLabels[0], unique: false },
        { by: 'title', key: (_n, p) => p.title?.toLowerCase(), unique: true },
      ];
      const setGroups: VariantGroup[] = [];
      for (const k of keys) {
        // A phase can only pair pages when two variants still have ungrouped pages, or when a group
        // lacks a variant that still has some. Otherwise skip it without computing its keys: in a
        // one-file run every context page of the checked page's own variant is ungrouped and alone,
        // and its key (`:original_name:`, title) would cost a scan of every page's top.
        const waiting = names.filter((name) => (members.get(name) ?? []).some((p) => !grouped.has(p)));
        if (waiting.length < 2 && !(k.by !== 'title' && setGroups.some((g) => waiting.some((name) => !g.members.some((m) => m.variant === name))))) continue;
        // A page of a variant that an existing group lacks joins it when it shares this key with a
        // member (public and Swiss pair by path; the Markdown export joins them by topic id). Not by
        // title alone: an API v3 page and a v2.0 page are both "Deleting a Connection".
        if (setGroups.length > 0 && k.by !== 'title') {
          const byKey = new Map<string, VariantGroup | null>();
          for (const g of setGroups) {
            for (const m of g.members) {
              const key = k.key(m.variant, m.page);
              if (!key) continue;
              const prev = byKey.get(key);
              byKey.set(key, prev === undefined || prev === g ? g : null);
            }
          }
          for (const name of names) {
            const list = (members.get(name) ?? []).filter((p) => !grouped.has(p));
            const seen = new Map<string, number>();
            for (const p of list) {
              const key = k.key(name, p);
              if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
            }
            for (const p of list) {
              const key = k.key(name, p);
              if (!key || (seen.get(key) ?? 0) > 1) continue;
              const g = byKey.get(key);
              if (!g || g.members.some((m) => m.variant === name)) continue;
              const list2 = g.members as Array<{ variant: string; page: Page }>;
              list2.push({ variant: name, page: p });
              list2.sort((a, b) => cmpStr(a.variant, b.variant));
              grouped.add(p);
              this.groupOf.set(p, g);
            }
          }
        }
        const buckets = new Map<string, Array<{ variant: string; page: PageImpl }>>();
        for (const name of names) {
          const seen = new Map<string, number>();
          const list = (members.get(name) ?? []).filter((p) => !grouped.has(p));
          for (const p of list) {
            const key = k.key(name, p);
            if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
          }
          for (const p of list) {
            const key = k.key(name, p);
            if (!key) continue;
            if ((seen.get(key) ?? 0) > 1) continue; // ambiguous within one variant: do not guess
            const b = buckets.get(key);
            if (b) b.push({ variant: name, page: p });
            else buckets.set(key, [{ variant: name, page: p }]);
          }
        }
        for (const [key, list] of [...buckets.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          if (new Set(list.map((m) => m.variant)).size < 2) continue;
          const group: VariantGroup = { key: `${k.by}:${key}`, by: k.by, members: list };
          this.variantGroups.push(group);
          setGroups.push(group);
          for (const m of list) {
            grouped.add(m.page);
            this.groupOf.set(m.page, group);
          }
        }
      }
    }
    for (const folder of this.config.groupByContent ?? []) {
      const dir = normalizePath(folder);
      const pages = this.pages.filter((p) => isInside(p.file, dir) && !grouped.has(p));
      for (const cluster of clusterByContent(pages)) {
        if (cluster.length < 2) continue;
        const key = `content:${cluster[0]?.file}`;
        const group: VariantGroup = { key, by: 'content', members: cluster.map((p) => ({ variant: relativeTo(p.file, dir), page: p })) };
        this.variantGroups.push(group);
        for (const p of cluster) {
          grouped.add(p);
          this.groupOf.set(p, group);
          this.variantName.set(p, relativeTo(p.file, dir));
        }
      }
    }
    this.variantGroups.sort((a, b) => cmpStr(a.members[0]?.page.file ?? '', b.members[0]?.page.file ?? '') || cmpStr(a.key, b.key));
  }
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin.replace(/^http:/, 'https:');
  } catch {
    return url;
  }
}

function pageUrl(projectUrl: string, relPath: string): string {
  return projectUrl + relPath.replace(/\.(rst|md|txt)$/i, '.html');
}

/* ------------------------------------------------------ content grouping */

const STOP = new Set(['the', 'and', 'for', 'are', 'was', 'that', 'this', 'with', 'not', 'has', 'have', 'been', 'from', 'can', 'you', 'your', 'its', 'all', 'any', 'but', 'were', 'may', 'which', 'when', 'will', 'into', 'than', 'then', 'there', 'these', 'their']);

/** Words of the page's text (markup stripped through the parser), for similarity. */
export function contentTokens(page: Page): Set<string> {
  const text = toText(page.root).toLowerCase();
  const out = new Set<string>();
  for (const m of text.matchAll(/[a-z][a-z]{2,}|\b[1-5]\d\d\b/g)) {
    const w = m[0];
    if (!STOP.has(w)) out.add(w);
  }
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Single-linkage clusters of pages whose word sets overlap by at least `threshold` (Jaccard). */
export function clusterByContent(pages: readonly Page[], threshold = 0.3): Page[][] {
  const tokens = pages.map(contentTokens);
  const parent = pages.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < pages.length; i++) {
    for (let j = i + 1; j < pages.length; j++) {
      if (jaccard(tokens[i] as Set<string>, tokens[j] as Set<string>) >= threshold) parent[find(i)] = find(j);
    }
  }
  const clusters = new Map<number, Page[]>();
  pages.forEach((p, i) => {
    const r = find(i);
    const list = clusters.get(r);
    if (list) list.push(p);
    else clusters.set(r, [p]);
  });
  return [...clusters.values()].map((c) => c.sort((a, b) => cmpStr(a.file, b.file))).sort((a, b) => cmpStr(a[0]?.file ?? '', b[0]?.file ?? ''));
}

/** A parse function for the engine to use instead of the parser's `parse` (same result for the same path and text). */
export type ParseHook = (text: string, path: string) => { root: Root; messages: ParseMessage[] };

export interface BuildOptions {
  /** Parse pages with this instead of the parser (e.g. a cache of parse results); the engine still does no I/O itself. */
  parse?: ParseHook;
}

export function buildDocSet(input: CheckInput, config: Config, options: BuildOptions = {}): DocSet {
  return new DocSetImpl(input, config, options.parse);
}
