export type * from './model.js';
export { parse, detectFormat } from './parse.js';
export { tables, tableInfo, statusTable, labels, references, title, fields, toText, visit } from './query.js';
export type { CellInfo, TableInfo, StatusTableEntry, LabelInfo, ReferenceInfo } from './query.js';
export { normalizeLabel } from './rst/inline.js';
export { captionFromText } from './caption.js';
