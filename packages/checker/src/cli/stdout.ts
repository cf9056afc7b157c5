/**
 * The process's stdout and stderr as main() writes to them. A stream whose reader went away
 * (`docdrift | head -1`: EPIPE) or that cannot be written (a full disk) must neither crash the run
 * with a stack trace nor leave main waiting for a `drain` that never comes: the run goes on, its
 * output is dropped, and its exit code still says what it found. `failure` tells the caller what
 * ended the stream, so a failure other than a closed pipe can be reported (exit 2).
 */
import type { OutStream } from './main.js';

export interface GuardedStream extends OutStream {
  /** The error that ended the stream, if one did. */
  readonly failure: NodeJS.ErrnoException | undefined;
}

interface WritableLike {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
  isTTY?: boolean;
}

/** `stream` for main(); `onFailure` is called once, with the first error. */
export function guardStream(stream: WritableLike, onFailure?: (e: NodeJS.ErrnoException) => void): GuardedStream {
  let failure: NodeJS.ErrnoException | undefined;
  const waiting = new Set<() => void>();
  const fail = (e: NodeJS.ErrnoException): void => {
    if (failure !== undefined) return;
    failure = e;
    onFailure?.(e);
    // Nothing more will drain: let a writer waiting for it go on (its output is dropped).
    for (const l of waiting) l();
    waiting.clear();
  };
  stream.on('error', fail);
  return {
    get failure() {
      return failure;
    },
    isTTY: stream.isTTY === true,
    write(chunk) {
      if (failure !== undefined) return true;
      try {
        return stream.write(chunk);
      } catch (e) {
        fail(e as NodeJS.ErrnoException);
        return true;
      }
    },
    once(_event, listener) {
      if (failure !== undefined) {
        queueMicrotask(listener);
        return;
      }
      const once = (): void => {
        if (!waiting.delete(once)) return;
        listener();
      };
      waiting.add(once);
      stream.once('drain', once);
    },
  };
}
