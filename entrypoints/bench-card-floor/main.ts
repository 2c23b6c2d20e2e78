import { browser } from '@wxt-dev/browser';
import '@/components/tokens.css';
import '@/components/card.css';
import '@/entrypoints/panel/panel.css';
import { WARM_UP_DRAWS } from '@/lib/warm-up';
import { PANEL_FLOOR_FRAME_READY, PANEL_FLOOR_PORT } from '@/scripts/bench-floor-pages';

/**
 * The card floor's frame (`npm run bench` only): our panel's stylesheets, and our card's
 * markup as the bench captured it from our panel, handed over before any message
 * (`benchInstallCard`). Each line the background sends ("Name <email> — position") is drawn
 * by cloning that markup with the captured person's name, address and position replaced as
 * text: the least work that shows this card; none of our code runs for a message (no React,
 * no model; the page loads our shared chunk only as its stylesheets' module).
 * Like our frame, it draws the card out of sight when handed it, as often as ours does.
 */
interface Texts {
  name: string;
  email: string;
  position: string;
}
const root = document.getElementById('root')!;
let card: { markup: DocumentFragment; captured: Texts } | undefined;

function draw(texts: Texts): DocumentFragment {
  const copy = card!.markup.cloneNode(true) as DocumentFragment;
  const keys = ['name', 'email', 'position'] as const;
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (const key of keys) if (node.data.includes(card!.captured[key])) node.data = node.data.replace(card!.captured[key], texts[key]);
  }
  return copy;
}

Object.assign(window, {
  benchInstallCard(markup: string, captured: Texts): void {
    const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
    const fragment = document.createDocumentFragment();
    fragment.append(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
    card = { markup: fragment, captured };
    for (let i = 0; i < WARM_UP_DRAWS; i += 1) {
      const host = document.createElement('div');
      host.style.cssText = 'position:fixed;left:-10000px;top:0;width:100%;visibility:hidden';
      host.append(draw(captured));
      document.body.append(host);
      host.getBoundingClientRect();
      host.remove();
    }
  },
});

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== PANEL_FLOOR_PORT) return;
  port.onMessage.addListener((line: unknown) => {
    const [, name = '', email = '', position = ''] = /^(.*) <(.*)> — (.*)$/.exec(String(line)) ?? [];
    if (card) root.replaceChildren(draw({ name, email, position }));
    else root.textContent = String(line);
  });
});
browser.runtime.sendMessage({ type: PANEL_FLOOR_FRAME_READY }).catch(() => undefined);
