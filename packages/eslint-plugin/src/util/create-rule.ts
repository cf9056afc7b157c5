import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields of this plugin's rules. */
export interface PluginDocs {
  /** Whether `configs.recommended` enables the rule. */
  recommended?: boolean;
  /** Whether the rule needs type information (none of ours does; they use it when present). */
  requiresTypeChecking?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/docdrift/docdrift';

/** The documentation page of a rule: `docs/rules/<name>.md` in this package. */
export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY_URL}/blob/main/packages/eslint-plugin/docs/rules/${name}.md`;
}

export const createRule = ESLintUtils.RuleCreator<PluginDocs>(ruleDocsUrl);
