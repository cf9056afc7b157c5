/** parse5 node types and guards. */
import type { DefaultTreeAdapterTypes } from 'parse5';

export type P5Node = DefaultTreeAdapterTypes.ChildNode;
export type P5Element = DefaultTreeAdapterTypes.Element;
export type P5Text = DefaultTreeAdapterTypes.TextNode;
export type P5Comment = DefaultTreeAdapterTypes.CommentNode;
export type P5Template = DefaultTreeAdapterTypes.Template;

export function isElement(n: P5Node): n is P5Element {
  return 'tagName' in n;
}

export function isText(n: P5Node): n is P5Text {
  return n.nodeName === '#text';
}

export function isComment(n: P5Node): n is P5Comment {
  return n.nodeName === '#comment';
}

/** The element's attributes by name (the first of repeated ones wins, as in browsers). */
export function attributes(el: P5Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of el.attrs) if (!Object.hasOwn(out, a.name)) out[a.name] = a.value;
  return out;
}

export function attribute(el: P5Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The text of a node and its descendants (`<br>` as a line break), without recursion. */
export function textContent(n: P5Node): string {
  let s = '';
  const stack: P5Node[] = [n];
  while (stack.length > 0) {
    const c = stack.pop() as P5Node;
    if (isText(c)) s += c.value;
    else if (isElement(c)) {
      if (c.tagName === 'br') s += '\n';
      else for (let i = c.childNodes.length - 1; i >= 0; i--) stack.push(c.childNodes[i] as P5Node);
    }
  }
  return s;
}
