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
 * text or, once a card is drawn, by replacing only those texts in it: the least work that
 * shows this card; none of our code runs for a message (no React, no model; the page loads
 * our shared chunk only as its stylesheets' module).
 * Like our frame, it draws the card out of sight when handed it, as often as ours does. A
 * frame already showing a line (the captured person's) shows that person's card from then on.
 */
interface Texts {
  name: string;
  email: string;
  position: string;
}
const root = document.getElementById('root')!;
let card: { markup: DocumentFragment; captured: Texts } | undefined;
/** Whom the card in `root` shows, once one is drawn there. */
let shown: Texts | undefined;

/** Set, in the text under `node`, the texts of `from` to those of `to`. */
function replaceTexts(node: Node, from: Texts, to: Texts): void {
  const keys = ['name', 'email', 'position'] as const;
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
    for (const key of keys) if (text.data.includes(from[key])) text.data = text.data.replace(from[key], to[key]);
  }
}

/** A copy of the installed card's markup showing `texts`. */
function draw(texts: Texts): DocumentFragment {
  const copy = card!.markup.cloneNode(true) as DocumentFragment;
  replaceTexts(copy, card!.captured, texts);
  return copy;
}

/** Show the installed card for `texts` in `root`: drawn, or once one is there, only its texts changed. */
function showCard(texts: Texts): void {
  if (shown) replaceTexts(root, shown, texts);
  else root.replaceChildren(draw(texts));
  shown = texts;
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
    if (root.textContent !== '') showCard(captured);
  },
});

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== PANEL_FLOOR_PORT) return;
  port.onMessage.addListener((line: unknown) => {
    const [, name = '', email = '', position = ''] = /^(.*) <(.*)> — (.*)$/.exec(String(line)) ?? [];
    if (card) showCard({ name, email, position });
    else root.textContent = String(line);
  });
});
browser.runtime.sendMessage({ type: PANEL_FLOOR_FRAME_READY }).catch(() => undefined);
