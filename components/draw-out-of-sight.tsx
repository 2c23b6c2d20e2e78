import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

/**
 * Draw `node` where nobody sees or reaches it (off screen, hidden, inert, aria-hidden), lay it
 * out, and remove it, `draws` times: the code, styles and layout it needs are warm for the real
 * one (`WARM_UP_DRAWS` says why more than once).
 */
export function drawOutOfSight(doc: Document, node: ReactNode, width: number, draws = 1): void {
  for (let i = 0; i < draws; i += 1) drawOnce(doc, node, width);
}

function drawOnce(doc: Document, node: ReactNode, width: number): void {
  const host = doc.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;visibility:hidden;pointer-events:none`;
  doc.body.append(host);
  // A tree that fails here fails again, visibly, when the real one draws: nothing to report twice.
  const root = createRoot(host, { onUncaughtError: () => undefined });
  try {
    flushSync(() => root.render(node));
    host.getBoundingClientRect(); // style and layout, not only the DOM
  } finally {
    root.unmount();
    host.remove();
  }
}
