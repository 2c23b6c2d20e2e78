import { browser } from '@wxt-dev/browser';
import { PANEL_FLOOR_FRAME_READY, PANEL_FLOOR_PORT } from '@/scripts/bench-floor-pages';

/**
 * The panel floor's frame: the least a panel can do. The background opens a Port to it once
 * it says it is there (a Port this frame opened would be closed by our background's router,
 * which accepts only our panel's), and every message on it replaces the one line shown.
 * Built only for `npm run bench`.
 */
const line = document.getElementById('line')!;
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== PANEL_FLOOR_PORT) return;
  port.onMessage.addListener((text: unknown) => {
    line.textContent = String(text);
  });
});
browser.runtime.sendMessage({ type: PANEL_FLOOR_FRAME_READY }).catch(() => undefined);
