/** A task of its own: whatever message or I/O completion arrived meanwhile runs first. */
export function nextTask(): Promise<void> {
  return pause(0);
}

/** Resolves after `ms` (in the next task when it is already past). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
