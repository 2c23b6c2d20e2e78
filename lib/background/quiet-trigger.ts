/**
 * Runs a job once a burst of changes has gone quiet: every `poke()` restarts the wait, so
 * an admin toggling six fields in a minute starts one sync after the last toggle, not six.
 */
export class QuietTrigger {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly run: () => void,
    private readonly quietMs: number,
  ) {}

  poke(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, this.quietMs);
  }

  /** A disconnect: the change that was waiting no longer applies. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }
}

/**
 * How long settings must stay unchanged before the sync they call for starts. Long enough for
 * the next click of an admin working down a list of fields; if the worker stops meanwhile,
 * the next scheduled run sees the changed scope and runs in full anyway.
 */
export const SETTINGS_QUIET_MS = 8_000;
