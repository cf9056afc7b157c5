import { constantName, statusEntry } from '@docdrift/http-status';
import type { Provider } from '@docdrift/http-status';

/**
 * What the type checker sees for a provider's constants:
 * - `enum`: enum members (`StatusCodes.NOT_FOUND`), assignable to the literal
 *   `404` and narrowing like it, but widening to the enum type in a `let`;
 * - `literal`: readonly literal-typed properties (`status.NOT_FOUND: 404`);
 * - `number`: plain `number` (`constants.HTTP_STATUS_NOT_FOUND`), which does
 *   not fit where a literal type is expected and does not narrow unions.
 */
export type ValueType = 'enum' | 'literal' | 'number';

/** The `provider` option's object form: a project's own constants module. */
export interface CustomProvider {
  /** Module specifier, written verbatim into new imports. */
  module: string;
  /** The exported binding that holds the constants, imported by name. */
  import: string;
  /**
   * Whose constant names the module uses: one of the built-in providers
   * (default `http-status-codes`), or an explicit map from code to name
   * (codes missing from the map get no fix).
   */
  names?: Provider | Record<string, string>;
}

export type ProviderOption = Provider | CustomProvider;

export interface ProviderSpec {
  /** How messages name it. */
  readonly label: string;
  /** Module specifier for new imports. */
  readonly module: string;
  /** Every specifier that loads the same module. */
  readonly modules: readonly string[];
  /** The exported binding holding the constants. */
  readonly binding: string;
  /** Expression for the constants object reached through the module's default export. */
  readonly viaDefault: ((local: string) => string) | undefined;
  /** Package that must be a dependency before a fix may add an import; `undefined`: always allowed. */
  readonly packageName: string | undefined;
  readonly valueType: ValueType;
  /** Whether `@nestjs/common`'s installed major version decides which names exist. */
  readonly nestVersioned: boolean;
  /** The provider's constant name for `code`, ignoring versions. */
  readonly nameOf: (code: number) => string | undefined;
}

export const BUILT_IN_PROVIDERS: Readonly<Record<Provider, ProviderSpec>> = {
  'http-status-codes': {
    label: 'http-status-codes',
    module: 'http-status-codes',
    modules: ['http-status-codes'],
    binding: 'StatusCodes',
    // The default export is the v1 constants object (`ACCEPTED`, …, `getStatusText`): no StatusCodes.
    viaDefault: undefined,
    packageName: 'http-status-codes',
    valueType: 'enum',
    nestVersioned: false,
    nameOf: (code) => constantName(code, 'http-status-codes'),
  },
  '@nestjs/common': {
    label: '@nestjs/common',
    module: '@nestjs/common',
    modules: ['@nestjs/common'],
    binding: 'HttpStatus',
    viaDefault: undefined,
    packageName: '@nestjs/common',
    valueType: 'enum',
    nestVersioned: true,
    nameOf: (code) => constantName(code, '@nestjs/common'),
  },
  'http-status': {
    label: 'http-status',
    module: 'http-status',
    modules: ['http-status'],
    binding: 'status',
    viaDefault: (local) => local,
    packageName: 'http-status',
    valueType: 'literal',
    nestVersioned: false,
    nameOf: (code) => constantName(code, 'http-status'),
  },
  'node:http2': {
    label: 'node:http2',
    module: 'node:http2',
    modules: ['node:http2', 'http2'],
    binding: 'constants',
    viaDefault: (local) => `${local}.constants`,
    packageName: undefined,
    valueType: 'number',
    nestVersioned: false,
    nameOf: (code) => constantName(code, 'node:http2'),
  },
};

/** The spec of the `provider` option. */
export function providerSpec(option: ProviderOption): ProviderSpec {
  if (typeof option === 'string') return BUILT_IN_PROVIDERS[option];
  const names = option.names ?? 'http-status-codes';
  const nameOf =
    typeof names === 'string'
      ? (code: number) => constantName(code, names)
      : (code: number) => (Object.hasOwn(names, String(code)) ? names[String(code)] : undefined);
  return {
    label: option.module,
    module: option.module,
    modules: [option.module],
    binding: option.import,
    viaDefault: undefined,
    packageName: undefined,
    // Unknown: assume the least precise type so that fixes never break a type check.
    valueType: 'number',
    nestVersioned: false,
    nameOf,
  };
}

const OLDEST_CHECKED_NEST_MAJOR = 9;

/** The constant name `spec` offers for `code` given the NestJS major in use, or why there is none. */
export function constantFor(
  spec: ProviderSpec,
  code: number,
  nestMajor: number | undefined,
): { name: string } | { lacking: string } {
  const name = spec.nameOf(code);
  if (name === undefined) return { lacking: spec.label };
  if (spec.nestVersioned && nestMajor !== undefined) {
    const since = statusEntry(code)?.nestjsSince;
    const sinceMajor = since === undefined ? undefined : Number.parseInt(since, 10);
    // The registry checked NestJS 9.4.3, 10.4.15, 11.1.6 and 12.5.1: "since 9"
    // means "in every version checked", not "missing from 8".
    if (sinceMajor !== undefined && sinceMajor > OLDEST_CHECKED_NEST_MAJOR && nestMajor < sinceMajor) return { lacking: `${spec.label} ${nestMajor}` };
  }
  return { name };
}
