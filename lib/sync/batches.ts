/**
 * Group what an async source yields into batches of `size` (the last one may be smaller):
 * the source keeps producing (fetching the next pages) while the consumer works on a batch
 * (writing the last ones).
 *
 * A batch is handed over only when it is full, or when the source has ended or failed: every
 * batch costs the consumer a fixed price (a database transaction and its commit, paid in the
 * browser's database thread), so a batch of one item, which a consumer faster than its source
 * would otherwise get each time, costs the most per item. The source runs at most `size`
 * items ahead. A source error is thrown to the consumer only after every item before it was
 * handed over.
 */
export async function* inBatches<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  const buffer: T[] = [];
  let finished = false;
  let failure: { error: unknown } | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;
  let roomFreed: (() => void) | undefined;

  const signal = () => {
    wake?.();
    wake = undefined;
  };

  const pump = (async () => {
    try {
      while (!stopped) {
        if (buffer.length >= size) {
          await new Promise<void>((resolve) => (roomFreed = resolve));
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        buffer.push(next.value);
        signal();
      }
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      signal();
    }
  })();

  try {
    for (;;) {
      if (buffer.length < size && !finished) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (buffer.length === 0) break;
      const batch = buffer.splice(0, size);
      roomFreed?.();
      roomFreed = undefined;
      yield batch;
    }
    if (failure) throw failure.error;
  } finally {
    // The consumer stopped early (or failed): stop fetching, and let the source clean up.
    stopped = true;
    roomFreed?.();
    if (!finished) await iterator.return?.(undefined);
    await pump;
  }
}
