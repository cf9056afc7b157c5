import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../src/errors.js';

/** What jsonSyntaxError says of `text`, which must not parse. */
function where(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return jsonSyntaxError(text, e as SyntaxError);
  }
  throw new Error(`parses: ${text}`);
}

describe('jsonSyntaxError: line and column of a JSON syntax error', () => {
  it('turns V8\'s offset into line:column, counting from 1', () => {
    expect(where('{ "a": 1, }')).toBe(':1:11: Expected double-quoted property name');
    expect(where('{\n  "a": 1\n  "b": 2\n}')).toBe(":3:3: Expected ',' or '}' after property value");
    expect(where('{\r\n  "a": 1,\r\n  // comment\r\n}')).toBe(':3:3: Expected double-quoted property name');
  });

  it('an unfinished text is at its end', () => {
    expect(where('')).toBe(':1:1: Unexpected end of the text');
    expect(where('{\n  "a": [1, 2\n')).toBe(":3:1: Expected ',' or ']' after array element");
    expect(where('{\n  "a": 1')).toBe(":2:9: Expected ',' or '}' after property value");
  });

  it('a message without a position is passed on', () => {
    expect(where('{"a": tru}')).toBe(': Unexpected token \'}\', "{"a": tru}" is not valid JSON');
  });
});
