/**
 * Long reads that run to completion before answering (an aggregate whose
 * `$group` or `$sort` consumes its whole input, `count`, `distinct`) would
 * otherwise hold the event loop for seconds over a large collection, and
 * the server could not answer anything else meanwhile: the driver's
 * heartbeats on other connections time out, it marks the server unknown
 * and fails every operation in flight. These helpers pull such inputs in
 * slices and hand the event loop back between slices.
 */

/** How long one slice may run before the loop gets a turn. */
const SLICE_MS = 10;
/** Items between clock reads (reading the clock per item would cost more than most items). */
const CHECK_EVERY = 256;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Calls `each` for every item of `source` (stopping early when it returns
 * false), yielding to the event loop about every SLICE_MS. Other commands
 * may run between slices, so `source` must tolerate writes meanwhile, as
 * the engine's lazy scans do for cursors read with getMore.
 */
export async function forEachInSlices<T>(source: Iterator<T>, each: (item: T) => boolean | void): Promise<void> {
  let sliceStart = performance.now();
  let n = 0;
  try {
    for (let r = source.next(); !r.done; r = source.next()) {
      if (each(r.value) === false) return;
      if (++n % CHECK_EVERY === 0 && performance.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  } finally {
    source.return?.();
  }
}
