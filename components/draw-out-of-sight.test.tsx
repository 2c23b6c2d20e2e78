import { describe, expect, it } from 'vitest';
import { drawOutOfSight } from './draw-out-of-sight';

describe('drawing out of sight', () => {
  it('draws the tree hidden from sight, keyboard and screen readers, then leaves nothing behind', () => {
    const seen: { hidden: string | null; inert: boolean; visibility: string; text: string }[] = [];
    function Probe() {
      return (
        <button
          type="button"
          ref={(el) => {
            const host = el?.closest('div');
            if (host) seen.push({ hidden: host.getAttribute('aria-hidden'), inert: host.inert, visibility: host.style.visibility, text: el!.textContent ?? '' });
          }}
        >
          Card
        </button>
      );
    }
    const before = document.body.innerHTML;
    drawOutOfSight(document, <Probe />, 340);
    expect(seen).toEqual([{ hidden: 'true', inert: true, visibility: 'hidden', text: 'Card' }]);
    expect(document.body.innerHTML).toBe(before);
  });

  it('draws the tree as many times as asked, each time into a fresh host that is gone after', () => {
    const hosts: Element[] = [];
    function Probe() {
      return <span ref={(el) => void (el?.parentElement && hosts.push(el.parentElement))}>Card</span>;
    }
    const before = document.body.innerHTML;
    drawOutOfSight(document, <Probe />, 340, 4);
    expect(hosts).toHaveLength(4);
    expect(new Set(hosts).size).toBe(4);
    expect(hosts.every((host) => !host.isConnected)).toBe(true);
    expect(document.body.innerHTML).toBe(before);
  });

  it('leaves nothing behind, and does not throw, when the tree fails to draw', () => {
    function Broken(): never {
      throw new Error('broken');
    }
    const before = document.body.innerHTML;
    expect(() => drawOutOfSight(document, <Broken />, 340)).not.toThrow();
    expect(document.body.innerHTML).toBe(before);
  });
});
