/** POSIX path helpers (the engine only sees POSIX paths relative to the working directory). */

/** What normalizePath would change: a backslash, an empty, `.` or `..` segment, a leading or trailing slash. */
const NOT_NORMAL = /\\|\/\/|(?:^|\/)\.\.?(?:\/|$)|^\/|\/$/;

export function normalizePath(p: string): string {
  return p !== '' && !NOT_NORMAL.test(p) ? p : normalizeSegments(p);
}

/** normalizePath without its shortcut for a path that is already normal: segment by segment. */
export function normalizeSegments(p: string): string {
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(seg);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

/** Whether `file` is `dir` or below it ('.' contains every relative path). */
export function isInside(file: string, dir: string): boolean {
  if (dir === '.') return file !== '..' && !file.startsWith('../');
  return file === dir || file.startsWith(dir + '/');
}

/** `file` relative to `dir` (which must contain it). */
export function relativeTo(file: string, dir: string): string {
  if (dir === '.') return file;
  if (file === dir) return '.';
  return file.slice(dir.length + 1);
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i);
}

export function joinPath(a: string, b: string): string {
  if (a === '.') return normalizePath(b);
  return normalizePath(`${a}/${b}`);
}
