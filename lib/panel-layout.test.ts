import { describe, expect, it } from 'vitest';
import { collapseNarrowForNewConversation, COLLAPSED_WIDTH, DEFAULT_LAYOUT, isNarrowWindow, layoutFor, nextWidth, OVERLAY_BELOW, parseLayoutPrefs, PANEL_WIDTHS, placement } from './panel-layout';
import { SITES } from './sites';

describe('panel layout', () => {
  it('is remembered per site, with defaults elsewhere', () => {
    const prefs = parseLayoutPrefs({ sites: { gmail: { collapsed: true, width: 420 }, zendesk: { width: 9999 } } });
    expect(layoutFor(prefs, 'gmail')).toEqual({ collapsed: true, width: 420 });
    expect(layoutFor(prefs, 'zendesk')).toEqual({ collapsed: false, width: DEFAULT_LAYOUT.width });
    expect(layoutFor(prefs, 'front')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayoutPrefs('garbage')).toEqual({});
  });
  it('steps through the widths and wraps around', () => {
    expect(nextWidth(PANEL_WIDTHS[0])).toBe(PANEL_WIDTHS[1]);
    expect(nextWidth(PANEL_WIDTHS[PANEL_WIDTHS.length - 1]!)).toBe(PANEL_WIDTHS[0]);
  });

  it('calls a window narrow below each site\'s own threshold', () => {
    expect(isNarrowWindow('gmail', 1024)).toBe(true);
    expect(isNarrowWindow('gmail', 1100)).toBe(false);
    // Zendesk's three columns need more room than Gmail's reading pane, but a 1,280 px laptop
    // still has the panel open beside either.
    expect(isNarrowWindow('zendesk', 1200)).toBe(true);
    expect(isNarrowWindow('zendesk', 1280)).toBe(false);
    expect(isNarrowWindow('zendesk', 1440)).toBe(false);
    expect(Math.max(...Object.values(OVERLAY_BELOW))).toBeLessThanOrEqual(1280);
    // Every site has its number (a new adapter must decide).
    expect(SITES.map((s) => s.id).filter((id) => OVERLAY_BELOW[id] === undefined)).toEqual([]);
  });
  it('starts collapsed in a narrow window, and remembers that choice apart from the wide one', () => {
    const prefs = parseLayoutPrefs({ sites: { gmail: { collapsed: false, width: 420 } } });
    expect(layoutFor(prefs, 'gmail', true)).toEqual({ collapsed: true, width: DEFAULT_LAYOUT.width });
    const opened = parseLayoutPrefs({ sites: { gmail: { collapsed: true, width: 340 }, 'gmail@narrow': { collapsed: false, width: 300 } } });
    expect(layoutFor(opened, 'gmail', true)).toEqual({ collapsed: false, width: 300 });
    expect(layoutFor(opened, 'gmail', false)).toEqual({ collapsed: true, width: 340 });
  });
  it('closes a panel opened over a narrow window when the next conversation comes, keeping its width and the wide choice', () => {
    const prefs = parseLayoutPrefs({ sites: { gmail: { collapsed: false, width: 420 }, 'gmail@narrow': { collapsed: false, width: 300 } } });
    const next = collapseNarrowForNewConversation(prefs, 'gmail')!;
    expect(layoutFor(next, 'gmail', true)).toEqual({ collapsed: true, width: 300 });
    expect(layoutFor(next, 'gmail', false)).toEqual({ collapsed: false, width: 420 });
    // Already a tab, or never opened narrow: nothing to store.
    expect(collapseNarrowForNewConversation(next, 'gmail')).toBeUndefined();
    expect(collapseNarrowForNewConversation(prefs, 'zendesk')).toBeUndefined();
  });
  it('pushes the page when there is room or as a tab, and overlays it when opened in a narrow window', () => {
    expect(placement({ collapsed: false, width: 340 }, false)).toEqual({ width: 340, pushes: true });
    expect(placement({ collapsed: true, width: 340 }, true)).toEqual({ width: COLLAPSED_WIDTH, pushes: true });
    expect(placement({ collapsed: false, width: 340 }, true)).toEqual({ width: 340, pushes: false });
  });
});
