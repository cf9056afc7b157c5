// Writes schema/docdrift.config.schema.json from the built rule registry: run after `build`.
import { writeFileSync } from 'node:fs';
import { configSchema, rules } from '../dist/index.js';

const out = new URL('../schema/docdrift.config.schema.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(configSchema(rules), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
