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
 * Below these window widths (px) the site's own app would lose its layout beside an open
 * panel that pushes it: each needs about 750–900 px for its navigation, list and reading
 * pane or ticket (Gmail's reading pane and Jira's request view fit in less than Outlook's
 * three columns or Zendesk's and Front's ticket with its side context). There the panel
 * starts collapsed to its tab, which takes 36 px and so still pushes, and when the agent
 * opens it, it overlays the page instead of squeezing it until text wraps letter by letter.
 * Collapsed first, because an open overlay would hide the very conversation it describes.
 */
export const OVERLAY_BELOW: Readonly<Record<string, number>> = {
  gmail: 1100,
  outlook: 1200,
  zendesk: 1200,
  freshdesk: 1200,
  jira: 1100,
  helpscout: 1100,
  front: 1200,
};
const OVERLAY_BELOW_OTHER = 1200;

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
