/**
 * Group what an async source yields into batches of what has already arrived: the source
 * keeps producing (fetching the next pages) while the consumer works on a batch (writing
 * the last ones), and the consumer then takes everything that came meanwhile, up to `max`.
 *
 * When the consumer is faster than the source, every batch holds one item; when it is
 * slower, items gather, and the consumer's fixed cost per batch (a database transaction) is
 * shared by several. The source runs at most `max` items ahead. A source error is thrown to
 * the consumer only after every item before it was handed over.
 */
export async function* inBatches<T>(source: AsyncIterable<T>, max: number): AsyncGenerator<T[]> {
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
        if (buffer.length >= max) {
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
      if (buffer.length === 0) {
        if (finished) break;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const batch = buffer.splice(0, max);
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
