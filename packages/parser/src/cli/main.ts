import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseMessage, Root } from '../model.js';
import { parse } from '../parse.js';
import { fields, references, statusTable, tables, title } from '../query.js';

export interface MainOptions {
  argv: string[];
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const HELP = `Usage: docdrift-parse [options] FILE|DIR...

Parse reStructuredText and Markdown files and show what the parser saw.
Directories are searched for .rst, .rest, .md, .markdown and .txt files.

Options:
  --json          print the document tree of each file as JSON
  --tables        print only the tables (cells as text, positions, status entries) as JSON
  --format FMT    force the format: rst or markdown (default: by extension, else by content)
  -h, --help      show this help

Without --json or --tables, prints a summary of each file and the parser's
messages as FILE:LINE:COLUMN severity message [code].

Exit status: 0 no errors, 1 a file has parse errors, 2 usage or I/O error.
`;

const EXTENSIONS = /\.(rst|rest|md|markdown|txt)$/i;

function expand(path: string): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  return (readdirSync(path, { recursive: true }) as string[])
    .filter((p) => EXTENSIONS.test(p) && !/(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(p) && !/(^|[\\/])README\.md$/i.test(p))
    .map((p) => join(path, p))
    .filter((p) => statSync(p).isFile())
    .sort();
}

function formatMessage(file: string, m: ParseMessage): string {
  const first = m.message.split('\n').join(' ');
  return `${file}:${m.line}:${m.column} ${m.severity} ${first} [${m.code}]`;
}

function summary(file: string, root: Root): string {
  const lines = [`${file} (${root.format})`];
  const t = title(root);
  if (t) lines.push(`  title: ${t.text}`);
  for (const [name, f] of Object.entries(fields(root))) lines.push(`  field ${name}: ${f.value}`);
  for (const table of tables(root)) {
    const cap = table.caption ? ` "${table.caption.raw}"` : '';
    const lab = table.labels.length > 0 ? ` labels: ${table.labels.join(', ')}` : '';
    const status = statusTable(table);
    const where = table.position ? `${table.position.start.line}:${table.position.start.column}` : '?';
    lines.push(`  table at ${where}${cap}: ${table.headerRows.length} header + ${table.bodyRows.length} body rows${status.length > 0 ? `, ${status.length} status codes` : ''}${lab}`);
  }
  for (const r of references(root)) {
    const where = r.position ? `${r.position.start.line}:${r.position.start.column}` : '?';
    lines.push(`  ${r.kind} at ${where}: ${r.text} -> ${r.target || r.refname || ''}`);
  }
  return lines.join('\n');
}

/** The CLI as a function: returns the exit code. */
export function main({ argv, cwd, stdout, stderr }: MainOptions): number {
  let values: { json?: boolean; tables?: boolean; format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        tables: { type: 'boolean' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    stderr(`docdrift-parse: ${error instanceof Error ? error.message : String(error)}\nRun docdrift-parse --help for usage.\n`);
    return 2;
  }
  if (values.help) {
    stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    stderr('docdrift-parse: no files given.\nRun docdrift-parse --help for usage.\n');
    return 2;
  }
  if (values.json && values.tables) {
    stderr('docdrift-parse: --json and --tables cannot be used together.\n');
    return 2;
  }
  const format = values.format;
  if (format !== undefined && format !== 'rst' && format !== 'markdown') {
    stderr(`docdrift-parse: unknown format "${format}" (use rst or markdown).\n`);
    return 2;
  }
  let files: string[] = [];
  for (const p of positionals) {
    try {
      files.push(...expand(resolve(cwd, p)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      stderr(`docdrift-parse: cannot read ${p}: ${code === 'ENOENT' ? 'no such file or directory' : error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  }
  files = [...new Set(files)];
  let errors = 0;
  const json: unknown[] = [];
  const texts: string[] = [];
  for (const abs of files) {
    const file = relative(cwd, abs).split('\\').join('/') || abs;
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (error) {
      stderr(`docdrift-parse: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    const result = parse(text, format ? { path: file, format } : { path: file });
    errors += result.messages.filter((m) => m.severity === 'error').length;
    if (values.json) {
      json.push({ path: file, root: result.root, messages: result.messages });
    } else if (values.tables) {
      json.push({
        path: file,
        tables: tables(result.root).map((t) => {
          const { node: _node, ...rest } = t;
          return {
            ...rest,
            headerRows: t.headerRows.map((r) => r.map(({ node: _n, ...c }) => c)),
            bodyRows: t.bodyRows.map((r) => r.map(({ node: _n, ...c }) => c)),
            status: statusTable(t),
          };
        }),
        messages: result.messages,
      });
    } else {
      texts.push(summary(file, result.root));
      for (const m of result.messages) texts.push(formatMessage(file, m));
    }
  }
  if (values.json || values.tables) stdout(`${JSON.stringify(json, null, 2)}\n`);
  else stdout(`${texts.join('\n')}\n`);
  return errors > 0 ? 1 : 0;
}
