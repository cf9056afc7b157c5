export type * from './model.js';
export { parse } from './parse.js';
