/**
 * A value read from storage once and then kept in the worker's memory: a storage read is a
 * round trip to the browser, and some values are needed on every panel update. The caller
 * sets what it writes, and forgets the copy when the storage changed behind it. A failed read
 * is not kept: the next caller reads again.
 */
export class KeptRead<T> {
  private kept: Promise<T> | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (this.kept) return this.kept;
    const reading = this.read();
    reading.catch(() => {
      if (this.kept === reading) this.kept = undefined;
    });
    return (this.kept = reading);
  }

  /** What was just written is what a read would return: no read needed. */
  set(value: T): void {
    this.kept = Promise.resolve(value);
  }

  forget(): void {
    this.kept = undefined;
  }
}
