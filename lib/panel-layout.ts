/**
 * How the panel sits on a site: collapsed to a slim tab or open, and how wide. Remembered
 * per site (an agent may want it narrow in Gmail and wide in Zendesk) and per window size:
 * in a narrow window it is a separate choice, collapsed until the agent opens it. Pure.
 */
export interface PanelLayout {
  collapsed: boolean;
  width: number;
}

/** The widths the width button steps through, in px. */
export const PANEL_WIDTHS = [300, 340, 420] as const;
export const DEFAULT_LAYOUT: PanelLayout = { collapsed: false, width: 340 };
export const COLLAPSED_WIDTH = 36;
export const LAYOUT_KEY = 'layout';

export type LayoutPrefs = Record<string, PanelLayout>;

export function parseLayoutPrefs(raw: unknown): LayoutPrefs {
  if (!raw || typeof raw !== 'object') return {};
  const sites = (raw as { sites?: unknown }).sites;
  if (!sites || typeof sites !== 'object') return {};
  const prefs: LayoutPrefs = {};
  for (const [site, value] of Object.entries(sites as Record<string, unknown>)) {
    const v = value as { collapsed?: unknown; width?: unknown } | null;
    if (!v || typeof v !== 'object') continue;
    prefs[site] = {
      collapsed: v.collapsed === true,
      width: PANEL_WIDTHS.includes(v.width as (typeof PANEL_WIDTHS)[number]) ? (v.width as number) : DEFAULT_LAYOUT.width,
    };
  }
  return prefs;
}

/**
 * Below these window widths (px) an open panel that pushes the page would squeeze the
 * site's conversation column under ~280 px, where a mail or ticket reads a few words a
 * line. Each number is the page width the site needs for that column, plus the panel's
 * 340 px. Measured on the fixtures (test/fixtures/sites copy each app's columns), the page
 * width at which the message column reaches 280 px is: Gmail 580, Freshdesk 720, Jira 760,
 * Help Scout 820, Outlook 940, Zendesk and Front 960. Where the table asks for more, it
 * allows for the real app's chrome the fixture leaves out (Gmail's toolbar and side panel,
 * the ticket sidebars of Freshdesk and Help Scout). The numbers are capped at 1,280, the
 * common laptop width, so a laptop at full width keeps the panel open beside the page;
 * there Zendesk and Front keep ~270 px, which still reads a sentence a line or two.
 *
 * Below its number the panel starts collapsed to its 36 px tab (which still pushes), and
 * when the agent opens it, it overlays the page with a shadow at its edge instead of
 * squeezing it. Collapsed first, because an open overlay would hide the conversation it
 * describes; the tab rather than auto-hiding, because the agent must always see that the
 * panel is there and reach it with one click (or the keyboard shortcut).
 */
export const OVERLAY_BELOW: Readonly<Record<string, number>> = {
  gmail: 1100,
  jira: 1100,
  freshdesk: 1200,
  helpscout: 1200,
  outlook: 1280,
  zendesk: 1280,
  front: 1280,
};
/** A site without its own number (none today) gets the widest. */
const OVERLAY_BELOW_OTHER = 1280;

export function overlayBelow(site: string): number {
  return OVERLAY_BELOW[site] ?? OVERLAY_BELOW_OTHER;
}

/** Is a window this wide too narrow for this site and an open panel side by side? */
export function isNarrowWindow(site: string, windowWidth: number): boolean {
  return windowWidth < overlayBelow(site);
}

/** In a narrow window the panel starts as its tab. */
export const DEFAULT_NARROW_LAYOUT: PanelLayout = { collapsed: true, width: DEFAULT_LAYOUT.width };

/** Where a site's layout is remembered: its own entry for narrow windows. */
export function layoutKey(site: string, narrow: boolean): string {
  return narrow ? `${site}@narrow` : site;
}

export function layoutFor(prefs: LayoutPrefs, site: string | undefined, narrow = false): PanelLayout {
  if (!site) return narrow ? DEFAULT_NARROW_LAYOUT : DEFAULT_LAYOUT;
  return prefs[layoutKey(site, narrow)] ?? (narrow ? DEFAULT_NARROW_LAYOUT : DEFAULT_LAYOUT);
}

/**
 * A new conversation on the site: in narrow windows the panel starts as its tab again. The
 * agent opened the overlay for the conversation before; left open, it would cover the next
 * one before the agent has read it. Its width stays remembered. Undefined when nothing changes.
 */
export function collapseNarrowForNewConversation(prefs: LayoutPrefs, site: string): LayoutPrefs | undefined {
  const key = layoutKey(site, true);
  const narrow = prefs[key];
  if (!narrow || narrow.collapsed) return undefined;
  return { ...prefs, [key]: { ...narrow, collapsed: true } };
}

/** How the frame takes its place: pushing the page left by its width, or over the page's edge. */
export function placement(layout: PanelLayout, narrow: boolean): { width: number; pushes: boolean } {
  const width = layout.collapsed ? COLLAPSED_WIDTH : layout.width;
  return { width, pushes: layout.collapsed || !narrow };
}

/** The next width in the cycle narrow → default → wide → narrow. */
export function nextWidth(width: number): number {
  const i = PANEL_WIDTHS.indexOf(width as (typeof PANEL_WIDTHS)[number]);
  return PANEL_WIDTHS[(i + 1) % PANEL_WIDTHS.length]!;
}

export function isPanelLayout(value: unknown): value is PanelLayout {
  const v = value as Partial<PanelLayout> | null;
  return typeof v === 'object' && v !== null && typeof v.collapsed === 'boolean' && typeof v.width === 'number' && v.width >= COLLAPSED_WIDTH && v.width <= 800;
}
