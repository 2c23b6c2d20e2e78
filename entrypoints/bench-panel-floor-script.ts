import { browser } from '@wxt-dev/browser';
import { mountPanelFrame, type PanelFrame } from '@/lib/panel-frame';
import { CARD_FLOOR_ORIGIN, CARD_FLOOR_PAGE, PANEL_FLOOR_PAGE, PANEL_FLOOR_REQUESTER } from '@/scripts/bench-floor-pages';

/**
 * The panel floor's content script (`npm run bench` only), on the Gmail fixture: its frame is
 * pre-created as ours is (the same mount, when the page is first idle or at the first
 * requester), and the sender is read and sent to the background at the first DOM change that
 * shows one: no adapter, no debounce, no lookup. On the card floor's host it pre-creates the
 * card floor's frame instead.
 */
export default defineUnlistedScript(() => {
  let frame: PanelFrame | undefined;
  const page = location.origin === CARD_FLOOR_ORIGIN ? CARD_FLOOR_PAGE : PANEL_FLOOR_PAGE;
  const panel = () => (frame ??= mountPanelFrame(document, browser.runtime.getURL(`/${page}`), 'bench'));
  requestIdleCallback(() => panel(), { timeout: 3000 });
  let last = '';
  function report(): void {
    const sender = document.querySelector('span.gD[email]');
    const email = sender?.getAttribute('email');
    if (!sender || !email || email === last) return;
    last = email;
    panel().setVisible(true);
    browser.runtime.sendMessage({ type: PANEL_FLOOR_REQUESTER, line: `${sender.getAttribute('name') ?? ''} <${email}>` }).catch(() => undefined);
  }
  new MutationObserver(report).observe(document.body, { childList: true, subtree: true });
  report();
});
