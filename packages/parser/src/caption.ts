import type { Caption, Position } from './model.js';

const CAPTION_RE = /^\s*(Table|Figure)\s+(\d+)\s*[:.\-\u2013\u2014]?\s*/i;

/**
 * A caption from its plain text: `Table 1 HTTP status codes` → `{ kind: 'Table',
 * number: 1, text: 'HTTP status codes' }`; anything else keeps just its text.
 * Shared by RST `.. table::`/`.. figure::`, Markdown `**Table N**` paragraphs
 * and anyone who reads captions without parsing (the checker's label scan).
 */
export function captionFromText(plain: string, raw: string, position: Position): Caption {
  const text = plain.replace(/\s+/g, ' ').trim();
  const m = CAPTION_RE.exec(text);
  if (m === null) return { text, raw, position };
  return { kind: (m[1] as string).toLowerCase() === 'table' ? 'Table' : 'Figure', number: Number(m[2]), text: text.slice(m[0].length).trim(), raw, position };
}
