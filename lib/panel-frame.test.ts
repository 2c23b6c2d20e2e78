import { describe, expect, it } from 'vitest';
import { mountPanelFrame } from './panel-frame';
import { COLLAPSED_WIDTH, DEFAULT_LAYOUT } from './panel-layout';

describe('mountPanelFrame', () => {
  it('mounts a hidden extension iframe in a closed shadow root, ahead of time', () => {
    const frame = mountPanelFrame(document, 'chrome-extension://id/panel.html', 'gmail');
    const host = document.querySelector('sidecard-panel')!;
    expect(host).toBeTruthy();
    // Closed: the page gets no handle on the shadow root, so no way into the frame.
    expect(host.shadowRoot).toBeNull();
    expect(host.hasAttribute('data-visible')).toBe(false);
    expect(frame.visible).toBe(false);
    host.remove();
    document.querySelector('style[data-sidecard="layout"]')?.remove();
  });

  it('makes room for itself instead of covering the page, and collapses to a slim tab', () => {
    const frame = mountPanelFrame(document, 'chrome-extension://id/panel.html', 'gmail');
    const host = document.querySelector('sidecard-panel') as HTMLElement;
    const layout = document.querySelector('style[data-sidecard="layout"]')!;
    frame.setVisible(true);
    expect(host.hasAttribute('data-visible')).toBe(true);
    expect(layout.textContent).toContain(`margin-right: ${DEFAULT_LAYOUT.width}px`);
    frame.setLayout({ collapsed: false, width: 420 });
    expect(host.style.width).toBe('420px');
    frame.setLayout({ collapsed: true, width: 420 });
    expect(host.style.width).toBe(`${COLLAPSED_WIDTH}px`);
    expect(layout.textContent).toContain(`margin-right: ${COLLAPSED_WIDTH}px`);
    frame.setVisible(false);
    expect(layout.textContent).toBe('');
    host.remove();
    layout.remove();
  });

  it('overlays the page with a shadow when opened in a narrow window, and pushes again when it widens', () => {
    const frame = mountPanelFrame(document, 'chrome-extension://id/panel.html', 'gmail');
    const host = document.querySelector('sidecard-panel') as HTMLElement;
    const layout = document.querySelector('style[data-sidecard="layout"]')!;
    frame.setVisible(true);
    frame.setNarrow(true);
    expect(layout.textContent).toBe('');
    expect(host.hasAttribute('data-overlay')).toBe(true);
    frame.setLayout({ collapsed: true, width: 340 });
    expect(layout.textContent).toContain(`margin-right: ${COLLAPSED_WIDTH}px`);
    expect(host.hasAttribute('data-overlay')).toBe(false);
    frame.setLayout({ collapsed: false, width: 340 });
    frame.setNarrow(false);
    expect(layout.textContent).toContain('margin-right: 340px');
    host.remove();
    layout.remove();
  });
});
