import { dirname, resolve } from 'node:path';
import { PROVIDERS, isRegisteredStatus, reasonPhrase, statusEntry } from '@docdrift/http-status';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { importFix, isNameFree, isVisible, scanModule } from '../util/imports.js';
import type { ConstantAccess, ModuleInfo } from '../util/imports.js';
import { installedVersion, minimumMajor, nearestPackageJson } from '../util/package-json.js';
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

/** The phrase a message gives a code: RFC 9110's, else the one libraries use (418 "I'm a Teapot"). */
function phraseOf(code: number): string {
  return reasonPhrase(code) ?? statusEntry(code)?.statusesMessage ?? 'Unused';
}

function isNumberLiteral(node: TSESTree.Literal): node is TSESTree.NumberLiteral {
  return typeof node.value === 'number';
}

const providerNames = [...PROVIDERS];

export default createRule<[Options], MessageIds>({
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
      magicStatus: 'Magic HTTP status {{code}} ({{phrase}}): use {{constant}}.',
      magicStatusNoConstant:
        'Magic HTTP status {{code}} ({{phrase}}): {{provider}} has no constant for it, so declare a named one.',
      statusRange: 'Magic HTTP status bound {{code}} in a range check: name the status class (e.g. isServerError(status)).',
      unregisteredStatus: 'HTTP status {{code}} is not registered with IANA: use a registered status code.',
      replaceWithConstant: 'Replace {{code}} with {{constant}}.',
      replaceWithConstantAndImport: "Replace {{code}} with {{constant}} and import {{binding}} from '{{module}}'.",
    },
  },
  create(context, [given]) {
    // Every property is set: RuleCreator merges meta.defaultOptions into what the user gave.
    const options = given as Required<Options>;
    const { sourceCode } = context;
    const filename = resolve(context.cwd, context.filename);
    const manifest = nearestPackageJson(dirname(filename));
    const testFile = isTestFile(filename, manifest ? dirname(manifest.path) : context.cwd);
    if (options.ignoreTests && testFile) return {};

    const allow = new Set(options.allow);
    const configured = providerSpec(options.provider);
    const specs: ProviderSpec[] = [
      configured,
      ...Object.values(BUILT_IN_PROVIDERS).filter((s) => s.module !== configured.module),
    ];
    const enumNames = new Set(['StatusCodes', 'HttpStatus', configured.binding]);
    const pc: PositionContext = {
      sourceCode,
      checkRanges: options.checkRanges,
      types: typeInfo(sourceCode, enumNames),
    };

    // Read lazily: most files have no magic status at all.
    let moduleInfo: ModuleInfo | undefined;
    const module = (): ModuleInfo =>
      (moduleInfo ??= scanModule(sourceCode, specs, context.languageOptions.sourceType));
    let nestMajorCache: { value: number | undefined } | undefined;
    const nestMajor = (): number | undefined => {
      if (!nestMajorCache) {
        const installed = installedVersion(dirname(filename), '@nestjs/common');
        const range = installed ?? manifest?.runtime.get('@nestjs/common') ?? manifest?.dev.get('@nestjs/common');
        nestMajorCache = { value: range === undefined ? undefined : minimumMajor(range) };
      }
      return nestMajorCache.value;
    };
    const mayImport = (spec: ProviderSpec): boolean => {
      if (spec.packageName === undefined) return true;
      if (!manifest) return false;
      return manifest.runtime.has(spec.packageName) || (testFile && manifest.dev.has(spec.packageName));
    };

    /** `fix`, `suggest` or `none`, given what TypeScript would see after the replacement. */
    function fixMode(spec: ProviderSpec, position: StatusPosition): 'fix' | 'suggest' | 'none' {
      if (position.asConst && spec.valueType !== 'enum') return 'none';
      switch (position.safety) {
        case 'number':
          return 'fix';
        case 'widening':
          return spec.valueType === 'enum' ? 'suggest' : 'fix';
        case 'literal': {
          if (spec.valueType !== 'number') return 'fix';
          const types = pc.types;
          if (!types) return 'suggest';
          const fits = position.comparedWith
            ? types.isWideNumber(position.comparedWith)
            : types.numberFits(position.slot) === true;
          return fits ? 'fix' : 'suggest';
        }
      }
    }

    function reportStatus(node: TSESTree.NumberLiteral, code: number, position: StatusPosition): void {
      const phrase = phraseOf(code);
      const info = module();
      const ordered: ConstantAccess[] = [
        ...info.accesses.filter((a) => a.spec === configured),
        ...info.accesses.filter((a) => a.spec !== configured),
      ];
      let spec = configured;
      let constant: string | undefined;
      for (const access of ordered) {
        if (!isVisible(sourceCode, access, node)) continue;
        const c = constantFor(access.spec, code, access.spec.nestVersioned ? nestMajor() : undefined);
        if ('name' in c) {
          spec = access.spec;
          constant = `${access.object}.${c.name}`;
          break;
        }
      }
      const needsImport = constant === undefined;
      if (constant === undefined) {
        const c = constantFor(configured, code, configured.nestVersioned ? nestMajor() : undefined);
        if ('lacking' in c) {
          context.report({ node, messageId: 'magicStatusNoConstant', data: { code, phrase, provider: c.lacking } });
          return;
        }
        constant = `${configured.binding}.${c.name}`;
      }

      let mode = fixMode(spec, position);
      if (needsImport && mode !== 'none') {
        if (!isNameFree(sourceCode, configured.binding, node)) mode = 'none';
        else if (mode === 'fix' && !mayImport(configured)) mode = 'suggest';
      }
      const text = constant;
      const replace = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix | TSESLint.RuleFix[] =>
        needsImport
          ? [importFix(sourceCode, info, configured, fixer), fixer.replaceText(node, text)]
          : fixer.replaceText(node, text);
      const data = { code, phrase, constant: text };
      context.report({
        node,
        messageId: 'magicStatus',
        data,
        fix: mode === 'fix' ? replace : null,
        suggest:
          mode === 'suggest'
            ? [
                needsImport
                  ? {
                      messageId: 'replaceWithConstantAndImport',
                      data: { ...data, binding: configured.binding, module: configured.module },
                      fix: replace,
                    }
                  : { messageId: 'replaceWithConstant', data, fix: replace },
              ]
            : null,
      });
    }

    return {
      Literal(node) {
        if (!isNumberLiteral(node)) return;
        const code = node.value;
        if (code < 100 || code > 600 || !Number.isInteger(code) || allow.has(code)) return;
        const registered = isRegisteredStatus(code);
        if (!registered && !options.checkRanges && !options.reportUnregistered) return;
        const position = classifyLiteral(node, pc);
        if (!position) return;
        if (position.kind === 'range') {
          context.report({ node, messageId: 'statusRange', data: { code } });
        } else if (registered) {
          reportStatus(node, code, position);
        } else if (options.reportUnregistered && code <= 599) {
          context.report({ node, messageId: 'unregisteredStatus', data: { code } });
        }
      },
    };
  },
});
