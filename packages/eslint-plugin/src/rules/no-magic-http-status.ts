import { dirname, isAbsolute, resolve } from 'node:path';
import { PROVIDERS, reasonPhrase, registeredCodes, statusEntry } from '@docdrift/http-status';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import {
  finishScan,
  importInsertion,
  isNameFree,
  isVisible,
  newModuleScan,
  providersByModule,
  replaceWithImport,
  scanImport,
  scanImportEquals,
  scanRequire,
  topLevelRequire,
} from '../util/imports.js';
import type { ConstantAccess, Insertion, ModuleInfo, ModuleScan } from '../util/imports.js';
import { installedVersion, isRuntimeDependency, manifestOfFile, minimumMajor } from '../util/package-json.js';
import type { PackageManifest } from '../util/package-json.js';
import { classifyLiteral } from '../util/positions.js';
import type { PositionContext, StatusPosition } from '../util/positions.js';
import { BUILT_IN_PROVIDERS, constantFor, providerSpec } from '../util/providers.js';
import type { ProviderOption, ProviderSpec } from '../util/providers.js';
import { isTestFile } from '../util/test-files.js';
import { typeInfo } from '../util/type-info.js';

/** The rule's options as users write them; `meta.defaultOptions` fills in the rest. */
export interface Options {
  provider?: ProviderOption;
  allow?: number[];
  checkRanges?: boolean;
  ignoreTests?: boolean;
  reportUnregistered?: boolean;
}

export type MessageIds =
  | 'magicStatus'
  | 'magicStatusNoConstant'
  | 'statusRange'
  | 'unregisteredStatus'
  | 'replaceWithConstant'
  | 'replaceWithConstantAndImport';

/** Registered codes, indexed by code, for the hot path. */
const REGISTERED = new Uint8Array(601);
for (const code of registeredCodes()) if (code <= 600) REGISTERED[code] = 1;

const phrases = new Map<number, string>();
/** The phrase a message gives a code: RFC 9110's, else the one libraries use (418 "I'm a Teapot"). */
function phraseOf(code: number): string {
  let phrase = phrases.get(code);
  if (phrase === undefined) {
    phrase = reasonPhrase(code) ?? statusEntry(code)?.statusesMessage ?? 'Unused';
    phrases.set(code, phrase);
  }
  return phrase;
}

const providerNames = [...PROVIDERS];

const rule = createRule<[Options], MessageIds>({
  name: 'no-magic-http-status',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow magic HTTP status numbers in status positions and fix them to named constants',
      recommended: true,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          provider: {
            description:
              'Where constants come from: `http-status-codes` (`StatusCodes.X`), `@nestjs/common` (`HttpStatus.X`), `http-status` (`status.X`), `node:http2` (`constants.HTTP_STATUS_X`), or `{ module, import, names? }` for your own module.',
            oneOf: [
              { type: 'string', enum: providerNames, description: 'A constants library.' },
              {
                type: 'object',
                description: 'A project\'s own constants module.',
                additionalProperties: false,
                required: ['module', 'import'],
                properties: {
                  module: { type: 'string', description: 'In the `provider` object: module specifier, written as is into new imports.' },
                  import: { type: 'string', description: 'In the `provider` object: named export that holds the constants.' },
                  names: {
                    description:
                      'In the `provider` object: whose constant names the module uses (a built-in provider, default `http-status-codes`), or a map from code to name.',
                    oneOf: [
                      { type: 'string', enum: providerNames, description: 'Use the names of this library.' },
                      {
                        type: 'object',
                        description: 'Constant name by status code, e.g. `{ "404": "NotFound" }`.',
                        additionalProperties: { type: 'string' },
                      },
                    ],
                  },
                },
              },
            ],
          },
          allow: {
            type: 'array',
            description: 'Status codes never to report.',
            items: { type: 'integer' },
            uniqueItems: true,
          },
          checkRanges: {
            type: 'boolean',
            description: 'Also report range checks that classify a status (`status >= 500`, `code < 200 || code > 299`).',
          },
          ignoreTests: {
            type: 'boolean',
            description: 'Skip test files (`*.test.*`, `*.spec.*`, `*.e2e-spec.*`, `test/`, `tests/`, `__tests__/`, `__mocks__/`, `e2e/`).',
          },
          reportUnregistered: {
            type: 'boolean',
            description: 'Also report numbers from 100 to 599 that IANA does not register (`res.status(299)`).',
          },
        },
      },
    ],
    defaultOptions: [
      {
        provider: 'http-status-codes',
        allow: [],
        checkRanges: false,
        ignoreTests: false,
        reportUnregistered: false,
      },
    ],
    messages: {
      // One placeholder, "404 (Not Found): use StatusCodes.NOT_FOUND", built once per code: ESLint's
      // interpolation costs about 0.6 µs per placeholder and report, the largest part of a report.
      magicStatus: 'Magic HTTP status {{detail}}.',
      magicStatusNoConstant:
        'Magic HTTP status {{code}} ({{phrase}}): {{provider}} has no constant for it, so declare a named one.',
      statusRange: 'Magic HTTP status bound {{code}} in a range check: name the status class (e.g. isServerError(status)).',
      unregisteredStatus: 'HTTP status {{code}} is not registered with IANA: use a registered status code.',
      replaceWithConstant: 'Replace {{code}} with {{constant}}.',
      replaceWithConstantAndImport: "Replace {{code}} with {{constant}} and import {{binding}} from '{{module}}'.",
    },
  },
  create: createListeners,
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, [Options]>>;

/** What the rule derives from its options, once per distinct provider and `allow` list. */
interface Setup {
  readonly configured: ProviderSpec;
  /** The provider of each module specifier: the configured one, else a built-in one. */
  readonly providers: ReadonlyMap<string, ProviderSpec>;
  readonly enumNames: ReadonlySet<string>;
  readonly allow: ReadonlySet<number> | undefined;
  /** Reports with the configured provider's constants when they do not depend on the NestJS version. */
  readonly prepared: (Prepared | undefined)[] | undefined;
}

/** The setup of each distinct provider and `allow` list (what a setup depends on). */
const setupsByValue = new Map<string, Setup>();
/** Custom providers by their JSON, so that the same option gives the same spec (and its caches) in every file. */
const customSpecs = new Map<string, ProviderSpec>();

let lastOptions: Options | undefined;
let lastSetup: Setup | undefined;

function setupOf(options: Required<Options>): Setup {
  // Without options in the config ESLint passes the same object (meta.defaultOptions) for every file.
  if (options === lastOptions && lastSetup) return lastSetup;
  // Options given in the config (`['error', { provider: … }]`) reach the rule as a new object for every
  // file (ESLint merges them into meta.defaultOptions per file): reuse the setup of equal options.
  const provider = options.provider;
  const key = `${typeof provider === 'string' ? provider : JSON.stringify(provider)}\0${options.allow.join(',')}`;
  let setup = setupsByValue.get(key);
  if (setup) {
    lastOptions = options;
    lastSetup = setup;
    return setup;
  }
  let configured: ProviderSpec;
  if (typeof provider === 'string') {
    configured = providerSpec(provider);
  } else {
    const json = JSON.stringify(provider);
    configured = customSpecs.get(json) ?? providerSpec(provider);
    customSpecs.set(json, configured);
  }
  const specs = [configured, ...Object.values(BUILT_IN_PROVIDERS).filter((s) => s.module !== configured.module)];
  setup = {
    configured,
    providers: providersByModule(specs),
    enumNames: new Set(['StatusCodes', 'HttpStatus', configured.binding]),
    allow: options.allow.length > 0 ? new Set(options.allow) : undefined,
    prepared: configured.nestVersioned ? undefined : preparedTable(configured, undefined),
  };
  setupsByValue.set(key, setup);
  lastOptions = options;
  lastSetup = setup;
  return setup;
}

/**
 * A report of a code with the configured provider's constant, the same for
 * every file: the constant and the message data (ESLint only reads `data`,
 * so one object serves every report of the code).
 */
type Prepared =
  | { readonly constant: string; readonly data: MagicStatusData }
  | { readonly constant: undefined; readonly data: Readonly<{ code: number; phrase: string; provider: string }> };

/** The data of `magicStatus`: `404 (Not Found): use StatusCodes.NOT_FOUND`. */
type MagicStatusData = Readonly<{ detail: string }>;

function magicStatusData(code: number, constant: string): MagicStatusData {
  return Object.freeze({ detail: `${code} (${phraseOf(code)}): use ${constant}` });
}

/** Per provider and NestJS major (`-1`: not versioned or unknown), by code. */
const preparedBySpec = new WeakMap<ProviderSpec, Map<number, (Prepared | undefined)[]>>();

function preparedTable(spec: ProviderSpec, nestMajor: number | undefined): (Prepared | undefined)[] {
  let byMajor = preparedBySpec.get(spec);
  if (!byMajor) {
    byMajor = new Map();
    preparedBySpec.set(spec, byMajor);
  }
  const key = spec.nestVersioned && nestMajor !== undefined ? nestMajor : -1;
  let table = byMajor.get(key);
  if (!table) {
    table = [];
    byMajor.set(key, table);
  }
  return table;
}

function prepare(spec: ProviderSpec, code: number, nestMajor: number | undefined): Prepared {
  const phrase = phraseOf(code);
  const c = constantFor(spec, code, nestMajor);
  if ('lacking' in c) return { constant: undefined, data: Object.freeze({ code, phrase, provider: c.lacking }) };
  const constant = `${spec.binding}.${c.name}`;
  return { constant, data: magicStatusData(code, constant) };
}

/**
 * What the rule works out once per file, on the first number worth a look.
 * Every field is set by the constructor, so that all files' states share one
 * shape and the accesses to them stay monomorphic.
 */
class FileState {
  readonly pc: PositionContext;
  /** Where the file is and its package, once a report needs them. */
  where: { readonly filename: string; readonly manifest: PackageManifest | undefined } | undefined = undefined;
  testFile: boolean | undefined = undefined;
  module: ModuleInfo | undefined = undefined;
  /** `accesses` with the configured provider first. */
  ordered: readonly ConstantAccess[] | undefined = undefined;
  nestMajor: { value: number | undefined } | undefined = undefined;
  /** Whether a fix may add an import of the configured provider (a dependency of the file's package). */
  mayImport: boolean | undefined = undefined;
  /** Reports with the configured provider's constants, by code. */
  prepared: (Prepared | undefined)[] | undefined = undefined;
  /** The import of the configured provider, once a fix needs it. */
  insertion: Insertion | undefined = undefined;
  byScope: Map<TSESLint.Scope.Scope, ScopeFacts> | undefined = undefined;

  constructor(
    readonly setup: Setup,
    sourceCode: Readonly<TSESLint.SourceCode>,
    checkRanges: boolean,
    modules: ModuleScan,
    /** `context.filename`, read in `create` while the context is fresh. */
    readonly filename: string,
  ) {
    // Type information only comes with a program (typescript-eslint with `project`/`projectService`).
    const types = sourceCode.parserServices?.program ? typeInfo(sourceCode, setup.enumNames) : undefined;
    this.pc = { sourceCode, checkRanges, types, modules, declared: undefined, escapes: undefined };
  }
}

/** Per scope: the constants visible there, and whether the configured binding's name is free. */
interface ScopeFacts {
  readonly visible: readonly ConstantAccess[];
  readonly nameFree: boolean;
}

const NOTHING_IN_SCOPE: ScopeFacts = { visible: [], nameFree: true };

function whereOf(f: FileState, context: Context): NonNullable<FileState['where']> {
  if (!f.where) {
    const given = f.filename;
    const filename = isAbsolute(given) ? given : resolve(context.cwd, given);
    f.where = { filename, manifest: manifestOfFile(filename) };
  }
  return f.where;
}

function isTestFileState(f: FileState, context: Context): boolean {
  if (f.testFile === undefined) {
    const { filename, manifest } = whereOf(f, context);
    f.testFile = isTestFile(filename, manifest ? dirname(manifest.path) : context.cwd);
  }
  return f.testFile;
}

function nestMajor(f: FileState, context: Context): number | undefined {
  if (!f.nestMajor) {
    const { filename, manifest } = whereOf(f, context);
    const installed = installedVersion(dirname(filename), '@nestjs/common');
    const range = installed ?? manifest?.runtime.get('@nestjs/common') ?? manifest?.dev.get('@nestjs/common');
    f.nestMajor = { value: range === undefined ? undefined : minimumMajor(range) };
  }
  return f.nestMajor.value;
}

/** Whether a fix may import `spec` in this file: its package is a dependency (a devDependency in test files). */
function mayImport(f: FileState, context: Context, spec: ProviderSpec): boolean {
  if (spec.packageName === undefined) return true;
  // Usually a runtime dependency, and the answer of the previous file in the same directory.
  if (isRuntimeDependency(f.filename, spec.packageName)) return true;
  const { manifest } = whereOf(f, context);
  if (!manifest) return false;
  return manifest.runtime.has(spec.packageName) || (manifest.dev.has(spec.packageName) && isTestFileState(f, context));
}

function scopeFacts(f: FileState, info: ModuleInfo, node: TSESTree.Node): ScopeFacts {
  const configured = f.setup.configured;
  const scope = f.pc.sourceCode.getScope(node);
  const byScope = (f.byScope ??= new Map());
  let facts = byScope.get(scope);
  if (!facts) {
    f.ordered ??= [
      ...info.accesses.filter((a) => a.spec === configured),
      ...info.accesses.filter((a) => a.spec !== configured),
    ];
    facts = {
      visible: f.ordered.filter((a) => isVisible(scope, a)),
      nameFree: isNameFree(scope, configured.binding),
    };
    byScope.set(scope, facts);
  }
  return facts;
}

/** `fix`, `suggest` or `none`, given what TypeScript would see after the replacement. */
function fixMode(f: FileState, spec: ProviderSpec, position: StatusPosition): 'fix' | 'suggest' | 'none' {
  if (position.asConst && spec.valueType !== 'enum') return 'none';
  switch (position.safety) {
    case 'number':
      return 'fix';
    case 'widening':
      return spec.valueType === 'enum' ? 'suggest' : 'fix';
    case 'literal': {
      if (spec.valueType !== 'number') return 'fix';
      const types = f.pc.types;
      if (!types) return 'suggest';
      // With type information the position records its slot (and the compared operand).
      const fits = position.comparedWith
        ? types.isWideNumber(position.comparedWith)
        : position.slot !== undefined && types.numberFits(position.slot) === true;
      return fits ? 'fix' : 'suggest';
    }
  }
}

/**
 * The fix of a report that adds the import. A function of its own so that the closure holds
 * three values, not every local of the report (ESLint calls it once, inside `report`).
 */
function importFix(f: FileState, node: TSESTree.NumberLiteral, text: string): () => TSESLint.RuleFix {
  return () => {
    const sourceCode = f.pc.sourceCode;
    const info = f.module as ModuleInfo;
    return replaceWithImport(sourceCode.text, (f.insertion ??= importInsertion(sourceCode, info, f.setup.configured)), node, text);
  };
}

function plainFix(node: TSESTree.NumberLiteral, text: string): () => TSESLint.RuleFix {
  return () => ({ range: node.range, text });
}

/** A file's status numbers, reported together at the end of the file; per-file facts are worked out once. */
function reportAll(
  context: Context,
  f: FileState,
  scan: ModuleScan,
  found: readonly TSESTree.NumberLiteral[],
  positions: readonly StatusPosition[],
): void {
  const sourceCode = f.pc.sourceCode;
  const configured = f.setup.configured;
  const info = (f.module = finishScan(sourceCode, scan, () => context.languageOptions.sourceType));
  // The common case, a file with no provider imported and the name unused, needs no scope analysis.
  const scoped = info.accesses.length !== 0 || sourceCode.text.includes(configured.binding);
  const count = found.length;
  for (let i = 0; i < count; i++) {
    const node = found[i] as TSESTree.NumberLiteral;
    reportStatus(context, f, info, scoped, node, node.value, positions[i] as StatusPosition);
  }
}

function reportStatus(
  context: Context,
  f: FileState,
  info: ModuleInfo,
  scoped: boolean,
  node: TSESTree.NumberLiteral,
  code: number,
  position: StatusPosition,
): void {
  const configured = f.setup.configured;
  const facts = scoped ? scopeFacts(f, info, node) : NOTHING_IN_SCOPE;
  let spec = configured;
  let constant: string | undefined;
  let data: MagicStatusData | undefined;
  for (const access of facts.visible) {
    const c = constantFor(access.spec, code, access.spec.nestVersioned ? nestMajor(f, context) : undefined);
    if ('name' in c) {
      spec = access.spec;
      constant = `${access.object}.${c.name}`;
      data = magicStatusData(code, constant);
      break;
    }
  }
  const needsImport = constant === undefined;
  if (constant === undefined || data === undefined) {
    const table = (f.prepared ??= f.setup.prepared ?? preparedTable(configured, nestMajor(f, context)));
    const prepared = (table[code] ??= prepare(configured, code, configured.nestVersioned ? nestMajor(f, context) : undefined));
    if (prepared.constant === undefined) {
      context.report({ node, messageId: 'magicStatusNoConstant', data: prepared.data });
      return;
    }
    constant = prepared.constant;
    data = prepared.data;
  }

  let mode = fixMode(f, spec, position);
  if (needsImport && mode !== 'none') {
    if (!facts.nameFree) mode = 'none';
    else if (mode === 'fix' && !(f.mayImport ??= mayImport(f, context, configured))) mode = 'suggest';
  }
  if (mode === 'none') {
    context.report({ node, messageId: 'magicStatus', data });
    return;
  }
  const replace = needsImport ? importFix(f, node, constant) : plainFix(node, constant);
  if (mode === 'fix') {
    context.report({ node, messageId: 'magicStatus', data, fix: replace });
    return;
  }
  context.report({
    node,
    messageId: 'magicStatus',
    data,
    suggest: [
      needsImport
        ? {
            messageId: 'replaceWithConstantAndImport',
            data: { code, constant, binding: configured.binding, module: configured.module },
            fix: replace,
          }
        : { messageId: 'replaceWithConstant', data: { code, constant }, fix: replace },
    ],
  });
}

function createListeners(context: Context, given: Readonly<[Options]>): TSESLint.RuleListener {
  // Every property is set: meta.defaultOptions is merged into what the user gave.
  const options = given[0] as Required<Options>;
  const setup = setupOf(options);
  const { checkRanges, reportUnregistered } = options;
  const allow = setup.allow;
  // Each read of a `context` property costs a lookup miss in every file (the context's prototype is new
  // for each file): read the source code and the file name once, here, where the context is fresh (at
  // the end of the file, where the fixes need the name, the miss costs several times more).
  const sourceCode = context.sourceCode;
  const filename = context.filename;
  /** The file's top-level imports and requires, gathered as ESLint visits their module strings. */
  const scan = newModuleScan();
  let state: FileState | undefined;
  if (options.ignoreTests) {
    state = new FileState(setup, sourceCode, checkRanges, scan, filename);
    if (isTestFileState(state, context)) return {};
  }

  /** Status numbers and their positions, in source order: reported together at the end of the file. */
  let found: TSESTree.NumberLiteral[] | undefined;
  let positions: StatusPosition[] | undefined;

  return {
    Literal(node) {
      // The hot path: every literal of every file comes through here.
      const code = node.value;
      if (typeof code !== 'number') {
        if (typeof code !== 'string') return;
        // A module string: `import … from 'm'` or a top-level `require('m')`.
        const parent = node.parent;
        if (parent.type === AST_NODE_TYPES.ImportDeclaration) {
          if (parent.parent.type === AST_NODE_TYPES.Program) scanImport(scan, sourceCode, setup.providers, parent);
        } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'require') {
          const declarator = topLevelRequire(node as TSESTree.StringLiteral);
          if (declarator) scanRequire(scan, sourceCode, setup.providers, declarator);
          else scan.requireCall = true;
        }
        return;
      }
      if (!(code >= 100 && code <= 600)) return;
      const registered = REGISTERED[code] === 1;
      if (!registered && !checkRanges && !reportUnregistered) return;
      if (!Number.isInteger(code) || allow?.has(code)) return;
      const f = (state ??= new FileState(setup, sourceCode, checkRanges, scan, filename));
      const position = classifyLiteral(node as TSESTree.NumberLiteral, f.pc);
      if (!position) return;
      if (position.kind === 'range') {
        context.report({ node, messageId: 'statusRange', data: { code } });
      } else if (registered) {
        (found ??= []).push(node as TSESTree.NumberLiteral);
        (positions ??= []).push(position);
      } else if (reportUnregistered && code <= 599) {
        context.report({ node, messageId: 'unregisteredStatus', data: { code } });
      }
    },
    TSImportEqualsDeclaration(node) {
      if (node.parent.type === AST_NODE_TYPES.Program) scanImportEquals(scan, sourceCode, setup.providers, node);
    },
    'Program:exit'() {
      if (found && positions && state) reportAll(context, state, scan, found, positions);
    },
  };
}

/*
 * ESLint (9.15 and later, this plugin's peer range) merges meta.defaultOptions
 * into context.options before calling the rule. RuleCreator's wrapper merges
 * them again after a structuredClone, on every file; on a 2,400-file corpus that
 * cost more than the rule's own work, so the rule reads context.options directly.
 */
rule.create = (context) => createListeners(context, context.options);

export default rule;
