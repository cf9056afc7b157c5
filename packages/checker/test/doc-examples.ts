/** Extract the runnable examples of a rule doc page (see docs/writing-rules.md). */
export interface DocExample {
  kind: 'incorrect' | 'correct';
  /** 1-based line of the marker in the doc page. */
  line: number;
  files: Record<string, string>;
  /** Files checked (default: all). From `check` in the info string: ```rst file=a.rst context``` marks a context file. */
  check: string[];
  config: Record<string, unknown>;
  /** Expected `file:line:column: message` lines, when given. */
  diagnostics: string[] | undefined;
  /** Expected text of the first file after applying fixes, when given (```rst fixed```). */
  fixed: string | undefined;
}

export function extractExamples(doc: string): DocExample[] {
  const lines = doc.split('\n');
  const out: DocExample[] = [];
  let cur: DocExample | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const marker = /^<!-- example: (incorrect|correct) -->$/.exec(line);
    if (marker) {
      cur = { kind: marker[1] as DocExample['kind'], line: i + 1, files: {}, check: [], config: {}, diagnostics: undefined, fixed: undefined };
      out.push(cur);
      continue;
    }
    if (/^#{1,6} /.test(line)) {
      cur = undefined;
      continue;
    }
    if (!cur) continue;
    const conf = /^<!-- config: (.*) -->$/.exec(line);
    if (conf) {
      cur.config = JSON.parse(conf[1] as string) as Record<string, unknown>;
      continue;
    }
    const fence = /^(`{3,})(\S*)\s*(.*)$/.exec(line);
    if (fence) {
      const ticks = fence[1] as string;
      const lang = fence[2] as string;
      const info = fence[3] as string;
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== ticks) body.push(lines[i++] as string);
      const text = body.join('\n') + '\n';
      if (lang === 'diagnostics') cur.diagnostics = body.filter((b) => b.trim() !== '');
      else if (/\bfixed\b/.test(info)) cur.fixed = text;
      else {
        const file = /\bfile=(\S+)/.exec(info)?.[1];
        if (file) {
          cur.files[file] = text;
          if (!/\bcontext\b/.test(info)) cur.check.push(file);
        }
      }
    }
  }
  return out;
}
