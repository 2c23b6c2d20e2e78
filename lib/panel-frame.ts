/**
 * The panel's frame on the host page: an extension-origin iframe inside a CLOSED shadow
 * root, so page script can neither reach into it (no contentDocument across origins, not
 * in window.frames) nor read its text back with window.find. It is created ahead of time,
 * hidden, and hidden again between conversations rather than destroyed, so the first
 * message on a page is as fast as the tenth. Only plain DOM: unit-testable in happy-dom.
 */
import { DEFAULT_LAYOUT, placement, type PanelLayout } from './panel-layout';

export interface PanelFrame {
  setVisible(visible: boolean): void;
  setLayout(layout: PanelLayout): void;
  /** A narrow window: an open panel overlays the page instead of pushing it. */
  setNarrow(narrow: boolean): void;
  readonly visible: boolean;
  readonly layout: PanelLayout;
}

export function mountPanelFrame(doc: Document, src: string, siteId: string, initial: PanelLayout = DEFAULT_LAYOUT): PanelFrame {
  const host = doc.createElement('sidecard-panel');
  host.setAttribute('data-site', siteId);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; top: 0; right: 0; bottom: 0; z-index: 2147483646; display: none; }
    :host([data-visible]) { display: block; }
    :host([data-overlay]) { box-shadow: -6px 0 18px rgba(0, 0, 0, 0.28); }
    iframe { border: 0; width: 100%; height: 100%; color-scheme: normal; background: transparent; }
  `;
  const iframe = doc.createElement('iframe');
  iframe.src = src;
  iframe.title = 'Sidecard';
  iframe.setAttribute('allow', 'clipboard-write');
  shadow.append(style, iframe);

  // Make room rather than cover the conversation: push the page's content left.
  const shift = doc.createElement('style');
  shift.setAttribute('data-sidecard', 'layout');

  let visible = false;
  let current = initial;
  let narrow = false;

  function layout(): void {
    const { width, pushes } = placement(current, narrow);
    host.style.width = `${width}px`;
    if (visible) host.setAttribute('data-visible', '');
    else host.removeAttribute('data-visible');
    if (pushes) host.removeAttribute('data-overlay');
    else host.setAttribute('data-overlay', '');
    shift.textContent = visible && pushes ? `html { margin-right: ${width}px !important; }` : '';
  }

  (doc.body ?? doc.documentElement).append(host);
  (doc.head ?? doc.documentElement).append(shift);
  layout();

  return {
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      layout();
    },
    setLayout(next) {
      current = next;
      layout();
    },
    setNarrow(next) {
      if (next === narrow) return;
      narrow = next;
      layout();
    },
    get visible() {
      return visible;
    },
    get layout() {
      return current;
    },
  };
}
