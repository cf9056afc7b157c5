// Regenerates what is derived from the rule registry (run after `build`):
// schema/docdrift.config.schema.json and the rule table in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { configSchema, rules } from '../dist/index.js';
import { withRulesTable } from '../dist/readme.js';

const schema = new URL('../schema/docdrift.config.schema.json', import.meta.url);
writeFileSync(schema, `${JSON.stringify(configSchema(rules), null, 2)}\n`);
const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withRulesTable(readFileSync(readme, 'utf8'), rules));
console.log('wrote schema/docdrift.config.schema.json and the README rule table');
