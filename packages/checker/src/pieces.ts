/** Writing text that comes in pieces (a big report, a cache entry) without joining it first. */
import { writeSync } from 'node:fs';

/** Write every piece to `fd` as UTF-8; `writeSync` may write part of a buffer (a pipe), so each is written to its end. */
export function writePieces(fd: number, pieces: Iterable<string>): void {
  for (const piece of pieces) {
    const bytes = Buffer.from(piece, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  }
}
