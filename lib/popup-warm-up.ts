/** How many results the popup lists for a query. */
export const POPUP_RESULTS = 20;

/**
 * Made-up results for a fresh popup to draw out of sight while it waits for the agent's first
 * keystroke: the first list a page draws costs several times a later one (the code's first
 * runs, the first styles matched), and the first keystroke should not pay for it. Nobody real,
 * and each with every detail a result shows. Ids are negative: no person has one. Pure.
 */
export function warmUpResults(count = POPUP_RESULTS): Array<{ id: number; name: string; details: string[] }> {
  return Array.from({ length: count }, (_, i) => ({ id: -1 - i, name: `Alex Example ${i + 1}`, details: ['Position', 'Department'] }));
}
