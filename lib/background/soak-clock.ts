/**
 * Soak builds only (SIDECARD_SOAK=1, `npm run soak`; production builds drop every use): the
 * sync's clock, moved ahead by the soak as its simulated rounds pass, so a round stands for a
 * real sync interval and `updated_since` windows are as wide as in the field.
 */
export const SOAK_CLOCK_KEY = 'soak:clockOffsetMs';

export async function soakClock(): Promise<() => number> {
  const offset = Number((await browser.storage.local.get(SOAK_CLOCK_KEY))[SOAK_CLOCK_KEY] ?? 0);
  return () => Date.now() + (Number.isFinite(offset) ? offset : 0);
}
