/**
 * How the panel sits on a site: collapsed to a slim tab or open, and how wide. Remembered
 * per site (an agent may want it narrow in Gmail and wide in Zendesk). Pure.
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

export function layoutFor(prefs: LayoutPrefs, site: string | undefined): PanelLayout {
  return (site && prefs[site]) || DEFAULT_LAYOUT;
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
