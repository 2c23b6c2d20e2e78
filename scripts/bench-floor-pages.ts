/**
 * The floors' pages and scripts, built only with SIDECARD_BENCH=1 (wxt.config.ts lists them
 * in the bench build's manifest). Each floor runs on the Gmail fixture served at a host of its
 * own, so that our content script never runs beside it: the same page, nothing else of ours.
 */

/** The panel floor: a bare frame, pre-created as ours is, showing one line the background sends. */
export const PANEL_FLOOR_ORIGIN = 'https://panel-floor.sidecard-bench.test';
export const PANEL_FLOOR_SCRIPT = 'bench-panel-floor-script.js';
export const PANEL_FLOOR_PAGE = 'bench-panel-floor.html';
/**
 * The card floor: the same script on a host of its own pre-creates a frame that draws our
 * card's markup (captured from our panel by the bench, under our stylesheets) with the line's
 * name and position set as text: what drawing this card costs without any of our code.
 */
export const CARD_FLOOR_ORIGIN = 'https://card-floor.sidecard-bench.test';
export const CARD_FLOOR_PAGE = 'bench-card-floor.html';

/** The content-script floor: an empty content script, injected as ours is. */
export const EMPTY_SCRIPT_ORIGIN = 'https://empty-script.sidecard-bench.test';
export const EMPTY_SCRIPT = 'bench-empty-script.js';

/** The popup floor: one input, and a status line its script reads from storage; opened as the bench opens our popup. */
export const POPUP_FLOOR_PAGE = 'bench-popup-floor.html';
/** The popup's React floor: the same input, and the status line drawn by React. */
export const POPUP_REACT_FLOOR_PAGE = 'bench-popup-react.html';

/** The manifest entries the bench build adds (content scripts and the frame's web access). */
export const benchManifest = {
  contentScripts: [
    { matches: [`${PANEL_FLOOR_ORIGIN}/*`, `${CARD_FLOOR_ORIGIN}/*`], js: [PANEL_FLOOR_SCRIPT], run_at: 'document_idle' as const },
    { matches: [`${EMPTY_SCRIPT_ORIGIN}/*`], js: [EMPTY_SCRIPT], run_at: 'document_idle' as const },
  ],
  webAccessibleResources: [{ resources: [PANEL_FLOOR_PAGE, CARD_FLOOR_PAGE], matches: [`${PANEL_FLOOR_ORIGIN}/*`, `${CARD_FLOOR_ORIGIN}/*`], use_dynamic_url: true }],
};

/** Messages between the panel floor's script, its frame, and the relay the bench installs in the worker. */
export const PANEL_FLOOR_FRAME_READY = 'bench-panel-floor-frame';
export const PANEL_FLOOR_REQUESTER = 'bench-panel-floor-requester';
export const PANEL_FLOOR_PORT = 'bench-panel-floor';
/**
 * The relay's word to a floor's script that asked first (a page marked `data-bench-asks-first`):
 * show the frame now. Such a script shows its frame only then, as ours shows its panel only
 * once the background has said there is someone to show.
 */
export const PANEL_FLOOR_SHOW = 'bench-panel-floor-show';
/** The attribute of a page's root that makes the floor's script ask first. */
export const ASKS_FIRST_ATTRIBUTE = 'data-bench-asks-first';
