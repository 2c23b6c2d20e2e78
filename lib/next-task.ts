/** A task of its own: whatever message or I/O completion arrived meanwhile runs first. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
