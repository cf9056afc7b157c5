/**
 * `docdrift [paths…]`: the whole CLI as a function of its arguments and
 * streams, so tests run it in-process. bin.ts only calls this and sets the
 * exit code: 0 no errors, 1 errors (or warnings over --max-warnings),
 * 2 usage, config or I/O failure.
 */
import { closeSync, openSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDocSet } from '../check.js';
import { buildDocSet, type CheckInput } from '../docset.js';
import { runFix } from './fix.js';
import { reasonOf } from '../errors.js';
import { fileInTheWay, makeDirs } from '../dirs.js';
import { BaselineError } from '../baseline.js';
import { useBaseline } from './baseline.js';
import { DocdriftCache, defaultCacheDir } from '../cache.js';
import { OPTIONS } from './options.js';
import { checkParallel, defaultThreads, PARALLEL_MIN_BYTES } from './parallel.js';
import { ConfigError, isSeverity, LIST_RULES_HINT, parseRuleFlag, resolveRules, type Config } from '../config.js';
import type { Diagnostic } from '../diagnostic.js';
import { sortDiagnostics } from '../diagnostic.js';
import { suggestions } from '../suggest.js';
import { decodePage, loadConfig, loadInput, PathError, posixRel, rebaseConfig } from '../loader.js';
import type { DocSet } from '../model.js';
import { writePieces } from '../pieces.js';
import { FORMATS, formatChunks, type Format, type ReportContext } from '../reporters/index.js';
import { batched } from '../reporters/stream.js';
import { groupMatrices } from '../reporters/matrix.js';
import { rules } from '../rules/index.js';
import { VERSION } from '../version.js';

export interface OutStream {
  /** `false` asks the writer to wait for `drain` (Node's streams), when the stream has `once`. */
  write(chunk: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
}

export interface MainOptions {
  argv: readonly string[];
  cwd: string;
  stdout: OutStream;
  stderr: OutStream;
  /** Environment (NO_COLOR, FORCE_COLOR); default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Called when the run checks pages (not when --cache had its findings): bin.ts keeps such a run's code cache. */
  onCheck?: () => void;
  /** Standard input, read by --stdin (bin.ts passes process.stdin). */
  stdin?: AsyncIterable<string | Uint8Array>;
}

const HELP = `Usage: docdrift [options] [paths...]

Check documentation pages (reStructuredText and Markdown) and their variants.
Paths are files or folders (default: .). A file argument is checked with its
project's other pages and its variant counterparts loaded as context.

Options:
  -c, --config FILE          config file (default: docdrift.config.json, searched upward)
  -f, --format NAME          stylish (default), compact, json, sarif, junit, github (annotations), markdown or html
  -o, --output FILE          write the report to FILE instead of stdout
      --rule ID=SEVERITY     set a rule's severity: off, info, warn or error (repeatable)
      --quiet                report errors only
      --max-warnings N       exit 1 when there are more than N warnings (-1: no limit)
      --color, --no-color    force or disable colours (NO_COLOR / FORCE_COLOR are respected)
      --list-rules           list the rules with their severity and exit
      --print-config         print the effective configuration and exit
      --print-variants       print the projects and variant groups and exit
      --threads N            worker threads (default: one per core, up to 4, for runs over 4 MB
                             on machines with more than 2 cores; else 1)
      --fix                  apply the fixes rules offer (in passes; each file written atomically), then report what is left
      --fix-dry-run          print the fixes as a unified diff instead of writing them
      --baseline FILE        report only findings that are not in FILE (fingerprints that survive line shifts)
      --update-baseline      record the current findings in the --baseline FILE
      --cache                reuse parses and results of earlier runs (node_modules/.cache/docdrift)
      --cache-location DIR   where the cache lives (implies --cache)
      --ignore-pattern GLOB  also ignore the files GLOB matches (relative to the working directory; repeatable)
      --no-inline-config     ignore the pages' docdrift-disable comments (report everything)
      --report-unused-disable-directives[-severity SEVERITY]
                             report disable comments that disable no finding as errors (default: warnings;
                             off turns it off)
      --stdin                check the text on standard input (an editor's unsaved buffer)
      --stdin-filename FILE  the path that text has (its format, project and variants; default: <stdin>,
                             format from the text)
  -h, --help                 show this help
  -v, --version              show the version

Environment: NO_COLOR, FORCE_COLOR; DOCDRIFT_COMPILE_CACHE=DIR keeps docdrift's compiled code
there (default: a folder of yours in the temporary folder; 0 turns it off).

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, config or I/O failure.
`;

/** chalk colour level from flags, environment and the stream. */
export function colorLevel(flags: { color?: boolean; noColor?: boolean }, env: Record<string, string | undefined>, stream: OutStream, toFile: boolean): 0 | 1 | 2 | 3 {
  if (flags.noColor) return 0;
  if (flags.color) return 1;
  if (toFile) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!stream.isTTY) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}

export async function main(opts: MainOptions): Promise<number> {
  const { cwd, stdout, stderr } = opts;
  const env = opts.env ?? process.env;
  const fail = (message: string): number => {
    stderr.write(`docdrift: ${message}\n`);
    return 2;
  };

  let args;
  try {
    args = parseArgs({
      args: [...opts.argv],
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (e) {
    return fail(`${usage(e as Error & { code?: string })}\nTry 'docdrift --help'.`);
  }
  const v = args.values;
  if (v.help) {
    stdout.write(HELP);
    return 0;
  }
  if (v.version) {
    stdout.write(`${VERSION}\n`);
    return 0;
  }
  const fmt = (v.format ?? 'stylish') as Format;
  if (!FORMATS.includes(fmt)) return fail(`unknown format ${JSON.stringify(v.format)} (use ${FORMATS.join(', ')})`);
  if (v['update-baseline'] && v.baseline === undefined) return fail('--update-baseline needs --baseline FILE');
  if (v.threads !== undefined && !/^[1-9]\d*$/.test(v.threads)) return fail(`--threads expects a positive number, got ${JSON.stringify(v.threads)}`);
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    // -1 is ESLint's "no limit" (written --max-warnings=-1: a bare -1 reads as an option).
    if (!/^(?:\d+|-1)$/.test(v['max-warnings'])) return fail(`--max-warnings expects a number (-1: no limit), got ${JSON.stringify(v['max-warnings'])}`);
    maxWarnings = v['max-warnings'] === '-1' ? undefined : Number(v['max-warnings']);
  }
  if (v.fix && v['fix-dry-run']) return fail('--fix and --fix-dry-run cannot be used together: --fix-dry-run shows what --fix would write');
  if (v['stdin-filename'] !== undefined && !v.stdin) return fail('--stdin-filename names the text of --stdin: give both');
  if (v.stdin && args.positionals.length > 0) return fail(`--stdin checks standard input, not ${args.positionals.map((p) => JSON.stringify(p)).join(', ')}: name the text with --stdin-filename FILE`);
  if (v.stdin && v.fix) return fail('--fix cannot write back to standard input: use --fix-dry-run to see the fixes');
  if (v.stdin && v['update-baseline']) return fail('--update-baseline records a whole run, not standard input');
  const unusedSeverity = v['report-unused-disable-directives-severity'];
  if (unusedSeverity !== undefined && !isSeverity(unusedSeverity)) return fail(`--report-unused-disable-directives-severity expects off, info, warn or error, got ${JSON.stringify(unusedSeverity)}`);
  if (unusedSeverity !== undefined && v['report-unused-disable-directives']) return fail('--report-unused-disable-directives is --report-unused-disable-directives-severity error: give one of them');

  /** The command line's settings on top of a config whose paths `fromCwd` maps cwd's paths to. */
  const withFlags = (c: Config, fromCwd: (p: string) => string): Config => {
    let out = c;
    const patterns = v['ignore-pattern'];
    if (patterns) out = { ...out, ignores: [...(out.ignores ?? []), ...patterns.map((g) => (g.startsWith('**/') ? g : fromCwd(g)))] };
    if (v['no-inline-config']) out = { ...out, noInlineConfig: true };
    if (v['report-unused-disable-directives']) out = { ...out, reportUnusedDisableDirectives: 'error' };
    if (unusedSeverity !== undefined) out = { ...out, reportUnusedDisableDirectives: unusedSeverity };
    return out;
  };

  let config: Config;
  let written: Config;
  let configFile: string | undefined;
  try {
    const loaded = loadConfig(cwd, v.config);
    config = loaded.config;
    written = loaded.written;
    configFile = loaded.file;
    if (v.rule) {
      const ruleSettings = { ...config.rules };
      for (const flag of v.rule) {
        const [id, sev] = parseRuleFlag(flag);
        if (!rules.some((r) => r.id === id)) return fail(`--rule ${flag}: unknown rule ${JSON.stringify(id)} ${LIST_RULES_HINT}`);
        const prev = ruleSettings[id];
        ruleSettings[id] = Array.isArray(prev) && prev[1] ? [sev, prev[1]] : sev;
      }
      config = { ...config, rules: ruleSettings };
    }
    resolveRules(rules, config, configFile === undefined ? undefined : relativeOrAbs(cwd, configFile));
    // The config as loaded is relative to cwd: --print-config shows the command line's settings with it.
    config = withFlags(config, (p) => p);
  } catch (e) {
    if (e instanceof ConfigError) return fail(e.message);
    throw e;
  }

  if (v['list-rules']) {
    const active = new Map(resolveRules(rules, config).map((r) => [r.rule.id, r.severity]));
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const r of rules) {
      const sev = active.get(r.id) ?? 'off';
      stdout.write(`${r.id.padEnd(width)}  ${sev.padEnd(7)}  ${r.meta.description}\n`);
    }
    return 0;
  }
  if (v['print-config']) {
    const effective: Record<string, unknown> = {};
    const active = resolveRules(rules, config);
    for (const r of rules) {
      const res = active.find((a) => a.rule === r);
      effective[r.id] = res ? (Object.keys(res.options).length > 0 ? [res.severity, res.options] : res.severity) : 'off';
    }
    const printed = { configFile: configFile ? relativeOrAbs(cwd, configFile) : null, ...config, rules: effective };
    stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
    return 0;
  }

  // A run inside a sub-folder of the config's folder (`cd public/api/sub && docdrift`) works from the config's
  // folder, as a run from there over that sub-folder would: the loader's paths are relative to where it works,
  // and a project or variant root above cwd cannot be named beside the pages below it. Files are shown
  // relative to cwd all the same.
  const work = workingFolder(cwd, configFile);
  const base = work.base;
  if (base !== cwd) config = withFlags({ ...rebaseConfig(written, base, base), rules: config.rules }, work.fromCwd);
  // --stdin: one page, the text on standard input, checked as the file --stdin-filename names (which need not exist).
  const stdinName = v.stdin ? (v['stdin-filename'] ?? STDIN_NAME) : undefined;
  const positionals = stdinName !== undefined ? [stdinName] : args.positionals.length > 0 ? args.positionals : ['.'];
  const paths = positionals.map(work.fromCwd);
  let texts: Map<string, string> | undefined;
  if (stdinName !== undefined) {
    try {
      texts = new Map([[paths[0] as string, await readAll(opts.stdin ?? process.stdin)]]);
    } catch (e) {
      return fail(`cannot read standard input: ${e instanceof StdinError ? e.message : reasonOf(e)}`);
    }
  }

  let cache: DocdriftCache | undefined;
  if (v.cache || v['cache-location'] !== undefined) {
    const dir = resolve(cwd, v['cache-location'] ?? defaultCacheDir(cwd));
    try {
      makeDirs(dir);
      cache = DocdriftCache.open(dir, config);
    } catch (e) {
      const inTheWay = fileInTheWay(e, cwd);
      if (inTheWay !== undefined) return fail(`${v['cache-location'] !== undefined ? `--cache-location ${v['cache-location']}` : `cache folder ${dir}`}: ${inTheWay} is a file, not a folder`);
      // A cache is an optimisation: one that cannot be made is said once, and the run goes on without it.
      stderr.write(`docdrift: cannot use the cache folder ${v['cache-location'] ?? dir} (${reasonOf(e)}); running without the cache\n`);
    }
  }
  let loaded;
  try {
    loaded = await loadInput({ cwd: base, paths, config, ...(cache ? { scans: cache.scans } : {}), ...(texts ? { texts } : {}) });
    cache?.flushScans();
  } catch (e) {
    if (e instanceof PathError) return fail(e.describe(positionals[paths.indexOf(e.path)] ?? e.path));
    throw e;
  }
  for (const err of loaded.errors) stderr.write(`docdrift: cannot read ${work.toCwd(err.file)}: ${err.reason}\n`);

  if (v['print-variants']) {
    const docSet = buildDocSet(loaded.input, config);
    stdout.write(fmt === 'json' ? `${JSON.stringify(variantsJson(docSet), null, 2)}\n` : variantsText(docSet));
    return loaded.errors.length > 0 ? 2 : 0;
  }

  const progress = makeProgress(stderr, loaded.checked);
  const threads = v.threads !== undefined ? Number(v.threads) : loaded.checkedBytes >= PARALLEL_MIN_BYTES ? defaultThreads() : 1;
  const checker = async (input: CheckInput, onPage?: (done: number) => void): Promise<Diagnostic[]> => {
    const key = cache?.runKey(input);
    const hit = key !== undefined ? cache?.loadRun(key) : undefined;
    if (hit) return hit;
    opts.onCheck?.();
    const found =
      threads > 1
        ? await checkParallel(input, config, { threads, onProgress: onPage, cacheDir: cache?.dir })
        : checkDocSet(input, config, { onPage, ...(cache ? { parse: cache.parse } : {}) }).diagnostics;
    if (key !== undefined) cache?.saveRun(key, found);
    return found;
  };
  let found: Diagnostic[];
  let fixFailed = false;
  try {
    try {
      found = await checker(loaded.input, progress.tick);
    } finally {
      progress.done();
    }
    if (v.fix || v['fix-dry-run']) {
      const fixed = await runFix({ cwd: base, input: loaded.input, checker: (input) => checker(input), initial: found, dryRun: v['fix-dry-run'] === true, stdout, stderr });
      found = fixed.diagnostics;
      fixFailed = fixed.failed.length > 0;
    }
  } catch (e) {
    if (e instanceof ConfigError) return fail(e.message);
    throw e;
  }

  const readErrors: Diagnostic[] = loaded.errors.map((e) => ({
    ruleId: 'read-error',
    severity: 'error',
    message: `Cannot read file: ${e.reason}`,
    file: work.toCwd(e.file),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  }));
  found = sortDiagnostics(found);
  if (v.baseline !== undefined) {
    try {
      found = useBaseline({ cwd: base, file: work.fromCwd(v.baseline), update: v['update-baseline'] === true, diagnostics: found, checked: loaded.input.files.filter((f) => f.check !== false).map((f) => f.file), stderr });
    } catch (e) {
      if (e instanceof BaselineError) return fail(e.message);
      throw e;
    }
  }
  let diagnostics = sortDiagnostics([...(base === cwd ? found : found.map(work.diagnosticToCwd)), ...readErrors]);
  if (v.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');

  const toFile = v.output !== undefined;
  const level = colorLevel({ color: v.color, noColor: v['no-color'] }, env, stdout, toFile);
  // Written in chunks as it is rendered: a big JSON or SARIF report is never one string in memory.
  const report = batched(formatChunks(fmt, diagnostics, { colorLevel: level, context: reportContext(fmt, diagnostics, loaded.input, config, work.toCwd) }));
  if (toFile) {
    const file = resolve(cwd, v.output as string);
    try {
      // A missing folder is created, as ESLint's --output-file does (`-o reports/docdrift.sarif` in CI).
      makeDirs(dirname(file));
      writeChunks(file, report);
    } catch (e) {
      const inTheWay = fileInTheWay(e, cwd);
      return fail(`cannot write ${v.output}: ${inTheWay !== undefined ? `${inTheWay} is a file, not a folder` : reasonOf(e)}`);
    }
  } else if (!v['fix-dry-run']) {
    for (const chunk of report) {
      // A pipe whose reader is slower than the report: wait rather than queue the whole report.
      if (stdout.write(chunk) === false && stdout.once) await new Promise<void>((done) => stdout.once?.('drain', done));
    }
  }

  if (loaded.errors.length > 0 || fixFailed) return 2;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    stderr.write(`docdrift: too many warnings (${warnings}, maximum ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/** What a report may know besides the findings: the checked files; for HTML also the texts of the files with findings and the variant matrices. */
function reportContext(fmt: Format, diagnostics: readonly Diagnostic[], input: CheckInput, config: Config, toCwd: (file: string) => string): ReportContext {
  const files = input.files.filter((f) => f.check !== false).map((f) => toCwd(f.file)).sort();
  if (fmt !== 'html') return { files };
  const withFindings = new Set(diagnostics.map((d) => d.file));
  const sources: Record<string, string> = {};
  for (const f of input.files) {
    const shown = toCwd(f.file);
    if (withFindings.has(shown)) sources[shown] = f.text;
  }
  const groups = groupMatrices(buildDocSet(input, config), config);
  return { files, sources, groups, version: VERSION };
}

/** Where a run works (see main) and how its paths map to and from cwd's. */
interface WorkingFolder {
  /** The folder the loader's and the rules' paths are relative to: cwd, or the config's folder above it. */
  base: string;
  /** A path as the user wrote it (relative to cwd) → relative to `base`. */
  fromCwd: (p: string) => string;
  /** A path relative to `base` → relative to cwd, as reports show it. */
  toCwd: (p: string) => string;
  diagnosticToCwd: (d: Diagnostic) => Diagnostic;
}

function workingFolder(cwd: string, configFile: string | undefined): WorkingFolder {
  const configDir = configFile === undefined ? undefined : resolve(dirname(configFile));
  const here = resolve(cwd);
  const inside = configDir !== undefined && here.startsWith(configDir.endsWith(sep) ? configDir : configDir + sep);
  if (!inside) {
    const same = (p: string): string => p;
    return { base: cwd, fromCwd: same, toCwd: same, diagnosticToCwd: (d) => d };
  }
  const toCwd = (p: string): string => posixRel(here, resolve(configDir, p));
  return {
    base: configDir,
    fromCwd: (p) => posixRel(configDir, resolve(here, p)),
    toCwd,
    diagnosticToCwd: (d) => ({ ...d, file: toCwd(d.file), ...(d.related ? { related: d.related.map((r) => ({ ...r, file: toCwd(r.file) })) } : {}) }),
  };
}

function relativeOrAbs(cwd: string, file: string): string {
  const r = file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : file;
  return r;
}

/** Progress on stderr when it is a TTY and the run takes more than half a second. */
function makeProgress(stderr: OutStream, total: number): { tick: (done: number) => void; done: () => void } {
  // (done = pages checked so far, over all threads)
  if (!stderr.isTTY) return { tick: () => undefined, done: () => undefined };
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(done) {
      const now = Date.now();
      if (now - start < 500 || now - last < 100) return;
      last = now;
      shown = true;
      stderr.write(`\r\x1b[2Kdocdrift: checked ${done}/${total} files`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[2K');
    },
  };
}

export function variantsJson(docSet: DocSet): unknown {
  return {
    projects: docSet.projects.map((p) => ({ root: p.root, source: p.source, url: p.url ?? null, pages: p.pages.length, complete: p.labels.complete })),
    variantGroups: docSet.variantGroups.map((g) => ({ key: g.key, by: g.by, members: g.members.map((m) => ({ variant: m.variant, file: m.page.file })) })),
  };
}

export function variantsText(docSet: DocSet): string {
  let out = 'Projects:\n';
  for (const p of docSet.projects) {
    out += `  ${p.root}  (${p.pages.length} ${p.pages.length === 1 ? 'page' : 'pages'}, found by ${p.source}${p.url ? `, ${p.url}` : ''}${p.labels.complete ? '' : ', incomplete'})\n`;
  }
  out += `\nVariant groups: ${docSet.variantGroups.length}\n`;
  for (const g of docSet.variantGroups) {
    out += `\n${g.key}  (paired by ${g.by})\n`;
    const w = Math.max(...g.members.map((m) => m.variant.length));
    for (const m of g.members) out += `  ${m.variant.padEnd(w)}  ${m.page.file}\n`;
  }
  return out;
}

/** Write pieces to a file (created or truncated, as `writeFileSync` does: `-o /dev/stdout` works). */
function writeChunks(file: string, chunks: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    writePieces(fd, chunks);
  } finally {
    closeSync(fd);
  }
}

/** node:util parseArgs' errors as a user of the CLI needs them: the option, and the one meant. */
function usage(e: Error & { code?: string }): string {
  const unknown = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '([^']+)'/.exec(e.message) : null;
  if (unknown) {
    const given = (unknown[1] as string).replace(/=.*$/, '');
    const names = Object.keys(OPTIONS).map((n) => `--${n}`);
    const near = given.startsWith('--') ? suggestions(given, names) : [];
    return `unknown option ${given}${near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : ''}; a file name starting with "-" goes after "--"`;
  }
  const missing = e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(e.message) : null;
  if (missing) return `${missing[1] as string} needs a value`;
  return e.message;
}

/** The name of the text of --stdin without --stdin-filename (no extension: its format is read from the text). */
const STDIN_NAME = '<stdin>';

class StdinError extends Error {}

/** Standard input as UTF-8 text, checked as a page file is (not binary, valid UTF-8). */
async function readAll(input: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of input) chunks.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  const text = decodePage(Buffer.concat(chunks));
  if (text === 'binary') throw new StdinError('binary data (a NUL byte), not a text page');
  if (text === 'not-utf8') throw new StdinError('not valid UTF-8');
  return text;
}
