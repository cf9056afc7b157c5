// The benchmark's floor (run.mjs --floor): the least that any rule can cost
// under TIMING when it gives exactly @docdrift/no-magic-http-status's reports.
// It reads them from a reference run's JSON output (BENCH_FLOOR_REF) and, on
// each number literal, only looks up the offset where the literal ends: no
// look at the context, no import decision, no fix text to build. What is
// left is ESLint's own cost of the reports (interpolation, the problem, the
// fix) and of calling a `Literal` listener on every literal of every file.
/* global process */
import { readFileSync } from 'node:fs';
import docdrift from '../../packages/eslint-plugin/dist/index.js';

const OURS = '@docdrift/no-magic-http-status';
const ours = docdrift.rules['no-magic-http-status'];

/** file path → (offset where the literal ends → what to report). */
function reportsByFile(path) {
  const table = new Map();
  for (const file of JSON.parse(readFileSync(path, 'utf8'))) {
    const byEnd = new Map();
    for (const m of file.messages) {
      if (m.ruleId !== OURS) continue;
      // The generated corpora give only `magicStatus` reports with a fix; anything else would need its own
      // message data here, so it stops the run (and run.mjs checks that the floor's reports are the rule's).
      if (m.messageId !== 'magicStatus' || !m.fix) throw new Error(`floor: ${file.filePath}:${m.line}:${m.column}: no fixed magicStatus report`);
      const fix = { range: m.fix.range, text: m.fix.text };
      // `Magic HTTP status {{detail}}.`: the data that interpolates back to the same message.
      const data = { detail: m.message.slice('Magic HTTP status '.length, -1) };
      // A fix ends where its literal ends (the literal alone, or the import up to the literal).
      byEnd.set(m.fix.range[1], { messageId: m.messageId, data, fix: () => fix });
    }
    table.set(file.filePath, byEnd);
  }
  return table;
}

const table = process.env.BENCH_FLOOR_REF ? reportsByFile(process.env.BENCH_FLOOR_REF) : new Map();
const NONE = new Map();

export default {
  rules: {
    floor: {
      meta: { type: 'suggestion', fixable: 'code', messages: ours.meta.messages, schema: [] },
      create(context) {
        const byEnd = table.get(context.filename) ?? NONE;
        return {
          Literal(node) {
            if (typeof node.value !== 'number') return;
            const r = byEnd.get(node.range[1]);
            if (r) context.report({ node, messageId: r.messageId, data: r.data, fix: r.fix });
          },
        };
      },
    },
  },
};
