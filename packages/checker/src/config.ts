/**
 * The configuration (`docdrift.config.json`, schema in
 * schema/docdrift.config.schema.json) and its normalised form.
 */
import type { Severity } from './diagnostic.js';
import type { AnyRule } from './rule.js';
import { suggestions } from './suggest.js';

/** The severities a config or the command line may set (`warning` is `warn`). */
export const SEVERITY_SETTINGS = ['off', 'info', 'warn', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export function isSeverity(s: string): s is SeveritySetting {
  return (SEVERITY_SETTINGS as readonly string[]).includes(s);
}
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface ProjectConfig {
  /** Project root (the folder that would hold `conf.py`), relative to the config file. */
  root: string;
  name?: string;
  /** Published URL prefix of the project (`https://docs.example.com/svc/api-ref/`). */
  url?: string;
}

export interface SiteConfig {
  /** Folder the base URL applies to (a repository), relative to the config file. */
  root: string;
  /** The site's base URL for this folder: `https://docs.example.com/<service>/`. Several for mirrors. */
  baseUrl: string | string[];
}

/** Variant roots of one doc family: `{ "public": "docs/public", "swiss": "docs/swiss" }`. */
export type VariantRoots = Record<string, string>;

export interface Config {
  $schema?: string;
  /** Severity and options per rule id. */
  rules?: Record<string, RuleSetting>;
  /** Base URL(s) of the published site for everything below the config file: `https://docs.example.com/<service>/`. */
  baseUrl?: string | string[];
  /** Base URLs per folder, for trees that hold several repositories. */
  sites?: SiteConfig[];
  /** Sphinx projects, when not found from `conf.py` / `index.rst`. */
  projects?: ProjectConfig[];
  /** Variant roots (one family or several). */
  variants?: VariantRoots | VariantRoots[];
  /** Folders whose pages are all the same kind of page: group them into variants by content. */
  groupByContent?: string[];
  /** The variant the drift rules compare with ("differs from the reference"); without one, the majority wording is the reference. */
  reference?: string;
  /** Globs (relative to the config file) that are never checked nor loaded. */
  ignores?: string[];
  /** File extensions to check (default `.rst`, `.md`). */
  extensions?: string[];
  /** Ignore the pages' inline `docdrift-disable…` comments (ESLint's `noInlineConfig`; the CLI's --no-inline-config). */
  noInlineConfig?: boolean;
  /** How a disable comment that disables no finding is reported (`unused-disable`; default `warn`, as ESLint's). */
  reportUnusedDisableDirectives?: SeveritySetting;
}

export interface ResolvedRule {
  rule: AnyRule;
  severity: Severity;
  options: Record<string, unknown>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function toSeverity(s: SeveritySetting): Severity | 'off' {
  switch (s) {
    case 'off':
      return 'off';
    case 'info':
      return 'info';
    case 'warn':
    case 'warning':
      return 'warning';
    case 'error':
      return 'error';
    default:
      throw new ConfigError(`unknown severity ${JSON.stringify(s)} (use off, info, warn or error)`);
  }
}

/** What the CLI says after an unknown rule id. */
export const LIST_RULES_HINT = '(docdrift --list-rules lists the rules)';

/**
 * Check a rule's configured options against its `meta.options` schema (the parts the rules use:
 * properties of type boolean, number, integer or string, minimum, maximum, additionalProperties).
 * Returns what is wrong, or undefined.
 */
export function optionsProblem(rule: AnyRule, options: Record<string, unknown>): string | undefined {
  const schema = rule.meta.options as { properties?: Record<string, { type?: string; minimum?: number; maximum?: number }>; additionalProperties?: boolean } | undefined;
  const props = schema?.properties ?? {};
  const names = Object.keys(props);
  for (const [key, value] of Object.entries(options)) {
    const p = props[key];
    if (p === undefined) {
      if (schema?.additionalProperties === false || schema === undefined) return `unknown option ${JSON.stringify(key)} (${names.length === 0 ? `${rule.id} takes no options` : `${rule.id} takes: ${names.join(', ')}`})`;
      continue;
    }
    const got = JSON.stringify(value) ?? String(value);
    const type = p.type;
    const ok =
      type === undefined ||
      (type === 'boolean' && typeof value === 'boolean') ||
      (type === 'string' && typeof value === 'string') ||
      (type === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
      (type === 'integer' && Number.isInteger(value));
    if (!ok) return `option ${JSON.stringify(key)} must be ${type === 'integer' ? 'an integer' : `a ${type as string}`}, got ${got}`;
    if (typeof value === 'number') {
      if (p.minimum !== undefined && value < p.minimum) return `option ${JSON.stringify(key)} must be at least ${p.minimum}, got ${got}`;
      if (p.maximum !== undefined && value > p.maximum) return `option ${JSON.stringify(key)} must be at most ${p.maximum}, got ${got}`;
    }
  }
  return undefined;
}

/**
 * Rules that run, with their severity and options, in id order. Unknown rule ids, unknown
 * severities and options their rule does not take are a ConfigError, prefixed by `where` when given
 * (the config file).
 */
export function resolveRules(all: readonly AnyRule[], config: Config, where?: string): ResolvedRule[] {
  const at = where === undefined ? '' : `${where}: `;
  const settings = config.rules ?? {};
  for (const id of Object.keys(settings)) {
    if (!all.some((r) => r.id === id)) throw new ConfigError(`${at}rules: unknown rule ${JSON.stringify(id)} ${LIST_RULES_HINT}`);
  }
  const out: ResolvedRule[] = [];
  for (const rule of all) {
    const setting = settings[rule.id];
    let severity: Severity | 'off' = rule.meta.defaultSeverity;
    let options: Record<string, unknown> = { ...((rule.meta.defaultOptions as Record<string, unknown> | undefined) ?? {}) };
    if (setting !== undefined) {
      if (Array.isArray(setting)) {
        severity = toSeverity(setting[0]);
        if (setting[1] !== undefined) {
          if (typeof setting[1] !== 'object' || setting[1] === null || Array.isArray(setting[1])) {
            throw new ConfigError(`${at}rules.${rule.id}: options must be an object`);
          }
          const problem = optionsProblem(rule, setting[1]);
          if (problem !== undefined) throw new ConfigError(`${at}rules.${rule.id}: ${problem}`);
          options = { ...options, ...setting[1] };
        }
      } else severity = toSeverity(setting);
    }
    if (severity !== 'off') out.push({ rule, severity, options });
  }
  return out;
}

/** Parse `id=off|info|warn|error` (the `--rule` flag) into the config's rules. */
export function parseRuleFlag(flag: string): [string, SeveritySetting] {
  const m = /^([a-z0-9-]+)=(off|info|warn|warning|error)$/.exec(flag.trim());
  if (!m) throw new ConfigError(`--rule expects id=off|info|warn|error, got ${JSON.stringify(flag)}`);
  return [m[1] as string, m[2] as SeveritySetting];
}

const KNOWN_KEYS = ['$schema', 'rules', 'baseUrl', 'sites', 'projects', 'variants', 'groupByContent', 'reference', 'ignores', 'extensions', 'noInlineConfig', 'reportUnusedDisableDirectives'];
const SITE_KEYS = ['root', 'baseUrl'];
const PROJECT_KEYS = ['root', 'name', 'url'];

/** Validate a parsed JSON config (shape only; rule ids are checked by resolveRules). */
export function validateConfig(value: unknown, where = 'config'): Config {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${where}: must be a JSON object`);
  const c = value as Record<string, unknown>;
  // A mistyped key would be ignored silently (a "site" instead of "url" leaves a project without its URL).
  const known = (o: Record<string, unknown>, keys: readonly string[], at: string): void => {
    for (const k of Object.keys(o)) {
      if (keys.includes(k)) continue;
      const near = suggestions(k, keys);
      const hint = near.length > 0 ? ` (did you mean ${near.map((n) => JSON.stringify(n)).join(' or ')}?)` : ` (known keys: ${keys.filter((x) => x !== '$schema').join(', ')})`;
      throw new ConfigError(`${where}: unknown key ${JSON.stringify(k)}${at}${hint}`);
    }
  };
  known(c, KNOWN_KEYS, '');
  const strs = (v: unknown, key: string): void => {
    if (v === undefined) return;
    if (typeof v === 'string') return;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ConfigError(`${where}: ${key} must be a string or an array of strings`);
  };
  const strArray = (v: unknown, key: string): void => {
    if (v === undefined) return;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ConfigError(`${where}: ${key} must be an array of strings`);
  };
  strs(c.baseUrl, 'baseUrl');
  strArray(c.groupByContent, 'groupByContent');
  if (c.reference !== undefined && typeof c.reference !== 'string') throw new ConfigError(`${where}: reference must be a variant name`);
  strArray(c.ignores, 'ignores');
  strArray(c.extensions, 'extensions');
  if (c.noInlineConfig !== undefined && typeof c.noInlineConfig !== 'boolean') throw new ConfigError(`${where}: noInlineConfig must be true or false`);
  if (c.reportUnusedDisableDirectives !== undefined) {
    try {
      toSeverity(c.reportUnusedDisableDirectives as SeveritySetting);
    } catch (e) {
      throw new ConfigError(`${where}: reportUnusedDisableDirectives: ${(e as Error).message}`);
    }
  }
  if (c.rules !== undefined) {
    if (typeof c.rules !== 'object' || c.rules === null || Array.isArray(c.rules)) throw new ConfigError(`${where}: rules must be an object`);
    for (const [id, s] of Object.entries(c.rules)) {
      const sev = Array.isArray(s) ? s[0] : s;
      if (typeof sev !== 'string') throw new ConfigError(`${where}: rules.${id} must be a severity or [severity, options]`);
      try {
        toSeverity(sev as SeveritySetting);
      } catch (e) {
        throw new ConfigError(`${where}: rules.${id}: ${(e as Error).message}`);
      }
    }
  }
  if (c.sites !== undefined) {
    if (!Array.isArray(c.sites)) throw new ConfigError(`${where}: sites must be an array`);
    for (const [i, s] of (c.sites as unknown[]).entries()) {
      const o = s as Record<string, unknown>;
      if (typeof o !== 'object' || o === null || typeof o.root !== 'string') throw new ConfigError(`${where}: each site needs a "root"`);
      known(o, SITE_KEYS, ` in sites[${i}]`);
      if (o.baseUrl === undefined) throw new ConfigError(`${where}: site ${JSON.stringify(o.root)} needs a "baseUrl"`);
      strs(o.baseUrl, 'sites[].baseUrl');
    }
  }
  if (c.projects !== undefined) {
    if (!Array.isArray(c.projects)) throw new ConfigError(`${where}: projects must be an array`);
    for (const [i, p] of (c.projects as unknown[]).entries()) {
      const o = p as Record<string, unknown>;
      if (typeof o !== 'object' || o === null || typeof o.root !== 'string') throw new ConfigError(`${where}: each project needs a "root"`);
      known(o, PROJECT_KEYS, ` in projects[${i}]`);
      if (o.url !== undefined && typeof o.url !== 'string') throw new ConfigError(`${where}: projects[].url must be a string`);
      if (o.name !== undefined && typeof o.name !== 'string') throw new ConfigError(`${where}: projects[].name must be a string`);
    }
  }
  if (c.variants !== undefined) {
    const sets = Array.isArray(c.variants) ? c.variants : [c.variants];
    for (const s of sets as unknown[]) {
      if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new ConfigError(`${where}: variants must map names to folders`);
      for (const [k, v] of Object.entries(s)) if (typeof v !== 'string') throw new ConfigError(`${where}: variants.${k} must be a folder`);
    }
  }
  if (typeof c.reference === 'string' && c.variants !== undefined && c.groupByContent === undefined) {
    // (With groupByContent, variant names are the grouped pages' paths: not known here.)
    const sets = (Array.isArray(c.variants) ? c.variants : [c.variants]) as Array<Record<string, unknown>>;
    const names = [...new Set(sets.flatMap((s) => Object.keys(s)))].sort();
    if (!names.includes(c.reference)) throw new ConfigError(`${where}: reference ${JSON.stringify(c.reference)} is not a variant name (variants: ${names.join(', ')})`);
  }
  return c as Config;
}
