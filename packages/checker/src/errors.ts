/** Human reasons for the errors of file-system calls, for messages (no `ENOENT: …, open '…'`): the CLI's and the loader's. */
export function reasonOf(e: unknown): string {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'is a directory';
    case 'EEXIST':
      return 'already exists';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EIO':
      return 'input/output error';
    case 'EPIPE':
      return 'the reader closed the pipe';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/**
 * Where a JSON syntax error is, as a reader needs it: `:line:column: what`, to follow the file's name
 * (as a compiler names an error). V8 says where by offset (`… in JSON at position 160`; Node 22 adds
 * `(line 3 column 30)`); `Unexpected end of JSON input` is at the end of the text. A message without a
 * position (`Unexpected token 'x', "…" is not valid JSON`) gives `: what` only.
 */
export function jsonSyntaxError(text: string, e: SyntaxError): string {
  const m = /^(.*?)(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?$/s.exec(e.message);
  const end = e.message === 'Unexpected end of JSON input';
  if (!m && !end) return `: ${e.message}`;
  const at = m ? Math.min(Number(m[2]), text.length) : text.length;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `:${line}:${at - lineStart + 1}: ${m ? (m[1] as string) : 'Unexpected end of the text'}`;
}
