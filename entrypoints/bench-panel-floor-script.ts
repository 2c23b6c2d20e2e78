import { browser } from '@wxt-dev/browser';
import { mountPanelFrame, type PanelFrame } from '@/lib/panel-frame';
import { ASKS_FIRST_ATTRIBUTE, CARD_FLOOR_ORIGIN, CARD_FLOOR_PAGE, PANEL_FLOOR_PAGE, PANEL_FLOOR_REQUESTER, PANEL_FLOOR_SHOW } from '@/scripts/bench-floor-pages';

/**
 * The panel floor's content script (`npm run bench` only), on the Gmail fixture: its frame is
 * pre-created as ours is (the same mount, when the page is first idle or at the first
 * requester), and the sender is read and sent to the background at the first DOM change that
 * shows one: no adapter, no debounce, no lookup. On the card floor's host it pre-creates the
 * card floor's frame instead. On a page marked to ask first, the frame is shown when the
 * background says so, not when the sender is seen.
 */
export default defineUnlistedScript(() => {
  let frame: PanelFrame | undefined;
  const page = location.origin === CARD_FLOOR_ORIGIN ? CARD_FLOOR_PAGE : PANEL_FLOOR_PAGE;
  const panel = () => (frame ??= mountPanelFrame(document, browser.runtime.getURL(`/${page}`), 'bench'));
  requestIdleCallback(() => panel(), { timeout: 3000 });
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: string } | null)?.type === PANEL_FLOOR_SHOW) panel().setVisible(true);
    return undefined;
  });
  let last = '';
  function report(): void {
    const sender = document.querySelector('span.gD[email]');
    const email = sender?.getAttribute('email');
    if (!sender || !email || email === last) return;
    last = email;
    const asksFirst = document.documentElement.hasAttribute(ASKS_FIRST_ATTRIBUTE);
    if (!asksFirst) panel().setVisible(true);
    browser.runtime.sendMessage({ type: PANEL_FLOOR_REQUESTER, line: `${sender.getAttribute('name') ?? ''} <${email}>`, asksFirst }).catch(() => undefined);
  }
  new MutationObserver(report).observe(document.body, { childList: true, subtree: true });
  report();
});
