import { toText } from '@docdrift/parser';
import type { NodeBase } from '@docdrift/parser';
import type { LabelDefinition, Page, Project } from '../model.js';
import { defineRule, docsUrl } from '../rule.js';
import { similarity, wordSet, wordWeights } from '../words.js';

interface Options {
  /** Report when the similarity of text and title (Dice coefficient over their words, weighted by rarity; 0–1) is below this. */
  minSimilarity: number;
}

/** "Table 3", "Figure 2", "Fig. 1": caption-numbering checks those. */
const NUMBERED_RE = /^(?:table|figure|fig\.?)\s*\d+\b/i;
/** Words that point rather than name ("see here", "this section"): such a text never resembled a title, so it cannot have gone stale. */
const POINTING = wordSet('here there this that link section page topic chapter document see refer details detail more information info click following below above');
/** A text that is code or a path rather than prose: `POST /v3/{project_id}/trackers`. */
const CODE_LIKE_RE = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+\/|^\S*[/{}]\S*$/;

/** Word weights per project, from the titles of its pages. */
const weightsCache = new WeakMap<Project, (word: string) => number>();
function weightsOf(project: Project): (word: string) => number {
  let w = weightsCache.get(project);
  if (!w) {
    w = wordWeights(project.pages.filter((p) => p.title !== undefined).map((p) => p.titleWords));
    weightsCache.set(project, w);
  }
  return w;
}

interface Titled {
  what: 'section' | 'page' | 'table' | 'figure';
  title: string;
  page: Page;
  node: NodeBase | undefined;
}

/** What the label names, and the title or caption it has there. */
function titleOf(def: LabelDefinition): Titled | undefined {
  const t = def.target;
  if (t.kind === 'page' || t.kind === 'section') {
    if (t.title === '') return undefined;
    return { what: t.kind, title: t.title, page: def.page, node: t.section.children[0] };
  }
  if ((t.kind === 'table' || t.kind === 'figure') && t.caption && t.caption.text.trim() !== '') {
    return { what: t.kind, title: t.caption.text.replace(/\s+/g, ' ').trim(), page: def.page, node: { type: 'caption', position: t.caption.position } };
  }
  return undefined;
}

/**
 * An explicit `:ref:` text that no longer resembles the title of the section
 * (or the caption of the table/figure) it points to: the section was renamed,
 * or the label moved, and the text kept the old name.
 */
export default defineRule<Options>({
  id: 'ref-text-stale',
  meta: {
    description: 'An explicit :ref: text should still resemble the title of the section it points to.',
    defaultSeverity: 'info',
    docs: docsUrl('ref-text-stale'),
    options: {
      type: 'object',
      properties: {
        minSimilarity: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'Report when text and title share less than this (Dice coefficient over their words, weighted by how rare each word is among the project\'s page titles).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { minSimilarity: 0.5 },
  },
  check(ctx) {
    for (const ref of ctx.nodes('crossReference')) {
      if (ref.role !== 'ref' || !ref.explicit) continue;
      const text = toText(ref.children).replace(/\s+/g, ' ').trim();
      if (text === '' || NUMBERED_RE.test(text) || CODE_LIKE_RE.test(text)) continue;
      const words = [...wordSet(text)];
      if (words.length === 0 || words.every((w) => POINTING.has(w) || /^\d+$/.test(w) || w.length === 1)) continue;
      if (text.toLowerCase().replace(/\s+/g, ' ') === ref.label) continue;

      const targets = ctx.labels
        .get(ref.label)
        .map(titleOf)
        .filter((t): t is Titled => t !== undefined);
      const first = targets[0];
      if (!first) continue;
      const weight = weightsOf(ctx.project);
      if (targets.some((t) => similarity(text, t.title, weight) >= ctx.options.minSimilarity)) continue;

      const what = first.what === 'page' ? 'page' : first.what;
      const titled = first.what === 'table' || first.what === 'figure' ? 'captioned' : 'titled';
      ctx.report({
        node: ref,
        message: `:ref: text "${text}" no longer resembles the ${what} it points to, ${titled} "${first.title}": update the text, or drop it so Sphinx uses the ${first.what === 'table' || first.what === 'figure' ? 'caption' : 'title'}`,
        related: [{ page: first.page, node: first.node, message: `the ${what} \`${ref.target}\` points to` }],
      });
    }
  },
});
