/**
 * A build-only Vite plugin: no shipped bundle assigns a computed value to `innerHTML`.
 *
 * The one such assignment in our code base is react-dom's handling of the
 * `dangerouslySetInnerHTML` prop, which Sidecard never uses (eslint.config.js forbids it).
 * Firefox's add-on linter reports it as UNSAFE_VAR_ASSIGNMENT, and AMO reviewers would ask
 * about it. Here that path throws instead, so the warning is gone because the code is.
 *
 * Both steps fail the build rather than pass quietly, so a React update cannot bring the
 * assignment back unnoticed: react-dom's file must contain exactly the assignments we expect,
 * and no output chunk may assign anything but a string literal to `innerHTML`.
 */
import type { Plugin } from 'vite';

/** react-dom's production client, where `dangerouslySetInnerHTML` is applied. */
const REACT_DOM_CLIENT = /[\\/]node_modules[\\/]react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/;
/** The assignment itself, once for elements and once for custom elements (react-dom 19). */
const ASSIGNMENT = '(domElement.innerHTML = key)';
const EXPECTED = 2;
const REPLACEMENT = '(function () { throw Error("Sidecard: dangerouslySetInnerHTML is not supported"); })()';
/** An `innerHTML` assignment whose right-hand side is not a string literal (`"<script></script>"` is fine). */
const DYNAMIC_ASSIGNMENT = /\.innerHTML\s*=(?!=)(?!\s*["'`])/;

export function noDynamicInnerHtml(): Plugin {
  // Vite's production flag follows NODE_ENV: a build run under vitest (NODE_ENV=test, the
  // manifest test) bundles React's development build, which is never packaged.
  let production = true;
  return {
    name: 'sidecard:no-dynamic-inner-html',
    apply: 'build',
    configResolved(config) {
      production = config.isProduction;
    },
    transform(code, id) {
      if (!REACT_DOM_CLIENT.test(id)) return null;
      const found = code.split(ASSIGNMENT).length - 1;
      if (found !== EXPECTED) {
        this.error(`react-dom has ${found} \`${ASSIGNMENT}\`, expected ${EXPECTED}: update scripts/vite-no-inner-html.ts for this react-dom version`);
      }
      return { code: code.replaceAll(ASSIGNMENT, REPLACEMENT), map: null };
    },
    generateBundle(_options, bundle) {
      if (!production) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const match = DYNAMIC_ASSIGNMENT.exec(chunk.code);
        if (match) {
          const around = chunk.code.slice(Math.max(0, match.index - 80), match.index + 80);
          this.error(`${chunk.fileName} assigns a computed value to innerHTML (Firefox's linter flags it): …${around}…`);
        }
      }
    },
  };
}
