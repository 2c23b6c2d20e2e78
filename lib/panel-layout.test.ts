import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, layoutFor, nextWidth, parseLayoutPrefs, PANEL_WIDTHS } from './panel-layout';

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
});
