/**
 * Pretty-printed JSON in pieces: the same text as `JSON.stringify(value,
 * null, 2)`, produced one array element at a time, so that a big report
 * (50,000 findings make a 50–100 MB SARIF log) is never one string with
 * every finding's object tree beside it.
 */

/**
 * `JSON.stringify(skeleton, null, 2)` with `items` (serialised one at a
 * time, built lazily by `item`) in place of the value `placeholder` holds in
 * the skeleton. Serialised JSON holds no raw line breaks, so indenting an
 * element is prefixing its lines.
 */
export function* prettyJsonWithArray<T>(skeleton: unknown, placeholder: string, items: readonly T[], item: (x: T, i: number) => unknown): Generator<string> {
  const whole = JSON.stringify(skeleton, null, 2);
  const marker = JSON.stringify(placeholder);
  const at = whole.indexOf(marker);
  if (at < 0) throw new Error(`prettyJsonWithArray: the skeleton does not hold ${marker}`);
  yield whole.slice(0, at);
  yield* prettyJsonArray(items, item, indentAt(whole, at));
  yield whole.slice(at + marker.length);
}

/** `JSON.stringify(items.map(item), null, 2)` at the indentation `indent` (the closing bracket's), in pieces. */
export function* prettyJsonArray<T>(items: readonly T[], item: (x: T, i: number) => unknown, indent = ''): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  const newline = `\n${inner}`;
  yield '[';
  for (let i = 0; i < items.length; i++) {
    const text = JSON.stringify(item(items[i] as T, i), null, 2);
    yield `${i === 0 ? '' : ','}${newline}${text.replaceAll('\n', newline)}`;
  }
  yield `\n${indent}]`;
}

/** The leading spaces of the line that holds offset `at`. */
function indentAt(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  let end = start;
  while (text.charCodeAt(end) === 32) end++;
  return text.slice(start, end);
}

/** Join pieces into chunks of about `size` characters (fewer writes than pieces). */
export function* batched(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let buffer = '';
  for (const p of pieces) {
    buffer += p;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}
