export { defineRule, docsUrl } from './rule.js';
export type { Rule, AnyRule, RuleMeta, RuleContext, ReportDescriptor, RelatedDescriptor, JsonSchema } from './rule.js';
export type { Diagnostic, Severity, Fix, RelatedLocation } from './diagnostic.js';
export { compareDiagnostics, sortDiagnostics } from './diagnostic.js';
export type { Page, Project, LabelIndex, LabelDefinition, LabelTarget, DocSet, VariantGroup, UrlResolution } from './model.js';
export type { Config, RuleSetting, SeveritySetting, ProjectConfig, SiteConfig, VariantRoots, ResolvedRule } from './config.js';
export { ConfigError, resolveRules, validateConfig, parseRuleFlag } from './config.js';
export { rules, ruleById } from './rules/index.js';
