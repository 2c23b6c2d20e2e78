/** What fresh pages draw out of sight before their first real content, and how often: nobody real. */
import { defaultFieldSettings, shownFields } from './fields';
import { localDay } from './format';
import type { ConversationModel } from './panel-model';

const ALEX = 'alex@example.invalid';

/**
 * How often a fresh panel frame draws its made-up card while idle (and a fresh popup its
 * made-up result list). Drawn once, the code has run only once, and the first real card pays
 * for the engine optimizing it; by the fourth draw that is done (each draw after the first
 * costs 1–2 ms).
 */
export const WARM_UP_DRAWS = 4;

/**
 * A made-up conversation for a fresh panel frame to draw out of sight while it is idle:
 * the first card a frame draws costs several times a later one (the code's first runs, the
 * first styles matched), and the agent's first mail after a page load should not pay for it.
 * Nobody real: nothing of the directory is needed, or read, before a conversation opens. Every
 * field the panel shows by default is filled, so each part of the card is drawn. Pure.
 */
export function warmUpConversation(now: number): ConversationModel {
  const today = localDay(now);
  return {
    state: 'conversation',
    participants: [
      { key: ALEX, email: ALEX, name: 'Alex Example', role: 'from', known: true, label: 'Alex Example', initials: 'AE', state: 'away' },
      { key: 'sam@example.invalid', email: 'sam@example.invalid', role: 'cc', known: false, label: 'sam@example.invalid', initials: 'S', state: 'external' },
    ],
    selected: ALEX,
    freshness: { at: now },
    today,
    person: {
      id: 0,
      name: 'Alex Example',
      initials: 'AE',
      email: ALEX,
      shown: shownFields(defaultFieldSettings()),
      position: 'Position',
      department: 'Department',
      team: 'Team',
      office: 'Office',
      supervisor: { id: 1, name: 'Sam Example', synced: true },
      status: 'active',
      hireDate: today,
      away: { kind: 'away', until: today, backOn: today, typeName: 'Vacation' },
      vacation: { state: 'ready', days: 12.5, asOf: now },
    },
    canGoBack: false,
  };
}

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
