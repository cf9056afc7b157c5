import { defineRule, docsUrl } from '../rule.js';

/**
 * A `:ref:`/`:numref:` whose label is not defined in its project. Labels are
 * case-insensitive and may sit anywhere (block level, list items, table
 * cells, `:name:` options). When the project's label index is incomplete
 * (only some of its files were given and its root is unknown) the rule says
 * nothing rather than guess.
 */
export default defineRule({
  id: 'broken-ref',
  meta: {
    description: 'A :ref: or :numref: must name a label defined in its own Sphinx project.',
    defaultSeverity: 'error',
    docs: docsUrl('broken-ref'),
  },
  check(ctx) {
    if (!ctx.labels.complete) return;
    for (const ref of ctx.nodes('crossReference')) {
      if (ref.role !== 'ref' && ref.role !== 'numref') continue;
      if (ref.label === '' || ctx.labels.has(ref.label)) continue;
      const role = `:${ref.role}:`;
      const elsewhere = ctx.docSet.projects
        .filter((p) => p !== ctx.project && p.labels.has(ref.label))
        .map((p) => p.labels.get(ref.label)[0])
        .filter((d) => d !== undefined);
      const where = ctx.project.root === '.' ? 'this project' : `project \`${ctx.project.root}\``;
      if (elsewhere.length > 0) {
        const d = elsewhere[0]!;
        ctx.report({
          node: ref,
          message: `${role} to label \`${ref.target}\`, which is not defined in ${where}; it is defined in project \`${d.page.project.root}\`, and :ref: does not cross projects`,
          related: [{ page: d.page, position: d.position, message: `\`${d.name}\` is defined here, in another project` }],
        });
      } else {
        ctx.report({ node: ref, message: `${role} to undefined label \`${ref.target}\` (no such label in ${where})` });
      }
    }
  },
});
