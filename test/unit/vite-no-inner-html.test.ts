import { describe, expect, it } from 'vitest';
import { noDynamicInnerHtml } from '../../scripts/vite-no-inner-html';

/**
 * The build step that keeps react-dom's innerHTML path out of the packages must fail the build
 * when its pattern is gone (a React update), not pass quietly and let Firefox's warning back.
 */
const REACT_DOM = '/x/node_modules/react-dom/cjs/react-dom-client.production.js';
const ASSIGNMENT = 'a !== key && (domElement.innerHTML = key);';

type Hook = (this: { error(message: string): never }, ...args: unknown[]) => unknown;
const context = { error: (message: string): never => { throw new Error(message); } };

function plugin(production = true) {
  const p = noDynamicInnerHtml();
  (p.configResolved as Hook).call(context, { isProduction: production });
  return {
    transform: (code: string, id: string) => (p.transform as Hook).call(context, code, id) as { code: string } | null,
    bundle: (code: string) => (p.generateBundle as Hook).call(context, {}, { 'chunks/card.js': { type: 'chunk', fileName: 'chunks/card.js', code } }),
  };
}

describe('no dynamic innerHTML in the packages', () => {
  it("replaces react-dom's two assignments with a throw", () => {
    const out = plugin().transform(`${ASSIGNMENT}\n${ASSIGNMENT}`, REACT_DOM);
    expect(out?.code).not.toContain('innerHTML');
    expect(out?.code).toContain('dangerouslySetInnerHTML is not supported');
  });

  it('fails the build when react-dom no longer has exactly those assignments', () => {
    expect(() => plugin().transform(ASSIGNMENT, REACT_DOM)).toThrow(/has 1 .*expected 2/);
    expect(() => plugin().transform('nothing here', REACT_DOM)).toThrow(/has 0/);
  });

  it('leaves other modules alone', () => {
    expect(plugin().transform(ASSIGNMENT, '/x/lib/anything.ts')).toBeNull();
  });

  it('fails a production bundle that assigns a computed value to innerHTML, wherever it comes from', () => {
    expect(() => plugin().bundle('x(),e.innerHTML=t,y()')).toThrow(/chunks\/card\.js assigns a computed value/);
    expect(() => plugin().bundle('e.innerHTML = t')).toThrow();
    expect(() => plugin().bundle('n.innerHTML="<script></script>";e.innerHTML==t')).not.toThrow();
    expect(() => plugin(false).bundle('e.innerHTML=t')).not.toThrow();
  });
});
