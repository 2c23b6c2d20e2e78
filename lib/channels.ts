/**
 * Names shared by the background and the pages, kept apart from the zod schemas in
 * messages.ts so the popup and panel bundles need not carry zod just for a string.
 */
export const PANEL_PORT = 'sidecard-panel';
export const PROGRESS_BROADCAST = 'sync-progress';

/** What one requester message may carry (the background refuses more); the watcher trims to it. */
export const MAX_PARTICIPANTS = 50;
export const MAX_NAME_LENGTH = 200;
