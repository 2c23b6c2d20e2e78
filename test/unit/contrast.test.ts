import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The design tokens (components/tokens.css) in both themes: every text colour on every
 * background it is used on reads at WCAG AA (4.5:1), outlines and edges that carry meaning at
 * 3:1, and the surfaces' stylesheets take their colours and font sizes from the tokens only.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const TOKENS = read('components/tokens.css');
const SURFACE_STYLES = ['components/card.css', 'entrypoints/panel/panel.css', 'entrypoints/popup/page.css', 'entrypoints/options/page.css'];

type Theme = 'light' | 'dark';

/** The custom properties declared in a block of CSS. */
function declarations(block: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of block.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--sc-[\w-]+)\s*:\s*([^;]+);/g)) found.set(m[1]!, m[2]!.trim());
  return found;
}

/** The light `:root` block comes first; the dark one sits inside the prefers-color-scheme query. */
function themes(css: string): Record<Theme, Map<string, string>> {
  const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
  if (darkAt < 0) throw new Error('tokens.css has no dark theme');
  const light = declarations(css.slice(0, darkAt));
  const dark = new Map([...light, ...declarations(css.slice(darkAt, css.indexOf('}\n}', darkAt)))]);
  return { light, dark };
}

const TOKEN_VALUES = themes(TOKENS);

function colour(theme: Theme, name: string): string {
  const value = TOKEN_VALUES[theme].get(name);
  if (!value) throw new Error(`no token ${name} in the ${theme} theme`);
  const reference = /^var\((--sc-[\w-]+)\)$/.exec(value);
  if (reference) return colour(theme, reference[1]!);
  if (!/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`${name} is not a #rrggbb colour: ${value}`);
  return value;
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colour → the backgrounds it is drawn on (where, in the stylesheets). */
const TEXT_PAIRS: ReadonlyArray<readonly [string, readonly string[]]> = [
  // Body text on pages, cards, inputs, neutral badges, hovered and selected rows.
  ['--sc-fg', ['--sc-bg', '--sc-surface', '--sc-surface-2', '--sc-selected-bg']],
  // Positions, field labels, hints, disabled buttons, details in a selected result.
  ['--sc-muted', ['--sc-bg', '--sc-surface', '--sc-surface-2', '--sc-selected-bg']],
  // Links, link-like buttons, <summary>, names in the org view (also when hovered).
  ['--sc-accent', ['--sc-bg', '--sc-surface', '--sc-surface-2']],
  ['--sc-on-primary', ['--sc-primary-bg']],
  // Danger buttons, "could not copy".
  ['--sc-danger-fg', ['--sc-bg', '--sc-surface']],
  // "Set by your organisation".
  ['--sc-info-fg', ['--sc-bg', '--sc-surface']],
  // "Copied", the connection test's success box.
  ['--sc-ok-fg', ['--sc-bg', '--sc-surface', '--sc-ok-bg']],
  // Warning banners, the stale mark; a field Personio does not grant (in the fields table).
  ['--sc-warning-fg', ['--sc-warning-bg', '--sc-surface']],
  ['--sc-error-fg', ['--sc-error-bg']],
  ['--sc-away-fg', ['--sc-away-bg']],
  ['--sc-upcoming-fg', ['--sc-upcoming-bg']],
  // Initials on avatars.
  ['--sc-on-avatar', Array.from({ length: 12 }, (_, i) => `--sc-avatar-${i}`)],
];

/** Edges that tell a control or a warning apart from what is around it (WCAG 1.4.11: 3:1). */
const EDGE_PAIRS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['--sc-focus', ['--sc-bg', '--sc-surface']],
  ['--sc-border-strong', ['--sc-bg', '--sc-surface']],
  ['--sc-warning-border', ['--sc-bg', '--sc-surface']],
  ['--sc-error-border', ['--sc-bg', '--sc-surface']],
];

describe.each(['light', 'dark'] as const)('design tokens, %s theme', (theme) => {
  it.each(TEXT_PAIRS)('%s reads at 4.5:1 or more on each of its backgrounds', (text, backgrounds) => {
    const weak = backgrounds
      .map((bg) => ({ bg, ratio: contrast(colour(theme, text), colour(theme, bg)) }))
      .filter((p) => p.ratio < 4.5)
      .map((p) => `${p.bg} ${p.ratio.toFixed(2)}:1`);
    expect(weak).toEqual([]);
  });

  it.each(EDGE_PAIRS)('%s stands out at 3:1 or more', (edge, backgrounds) => {
    const weak = backgrounds.filter((bg) => contrast(colour(theme, edge), colour(theme, bg)) < 3);
    expect(weak).toEqual([]);
  });
});

describe('the surfaces use the tokens', () => {
  const styles = SURFACE_STYLES.map((file) => ({ file, css: read(file).replace(/\/\*[\s\S]*?\*\//g, '') }));

  it('has a warning colour set for banners in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const name of ['--sc-warning-bg', '--sc-warning-fg', '--sc-warning-border']) expect(colour(theme, name)).toMatch(/^#/);
    }
  });

  it('no stylesheet has colours of its own', () => {
    const literal = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|oklch|color-mix)\(|(?<![\w-])(?:Canvas|CanvasText|Highlight|LinkText|ButtonFace|ButtonText|white|black)(?![\w-])/gi;
    const found = styles.flatMap(({ file, css }) => [...css.matchAll(literal)].map((m) => `${file}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('every token a stylesheet uses is defined', () => {
    const defined = new Set(TOKEN_VALUES.light.keys());
    const missing = styles.flatMap(({ file, css }) => [...css.matchAll(/var\((--sc-[\w-]+)/g)].filter((m) => !defined.has(m[1]!)).map((m) => `${file}: ${m[1]}`));
    expect(missing).toEqual([]);
  });

  it('every font size is a px token of 11 px or more, never relative to the browser default', () => {
    const sizes = styles.flatMap(({ file, css }) => [...css.matchAll(/font-size\s*:\s*([^;}]+)/g)].map((m) => ({ file, value: m[1]!.trim() })));
    expect(sizes.filter((s) => !/^var\(--sc-text-[\w-]+\)$/.test(s.value))).toEqual([]);
    const scale = [...TOKEN_VALUES.light].filter(([name]) => name.startsWith('--sc-text-'));
    expect(scale.length).toBeGreaterThan(0);
    for (const [name, value] of scale) {
      const px = /^(\d+)px$/.exec(value);
      expect(px, `${name}: ${value}`).not.toBeNull();
      expect(Number(px![1])).toBeGreaterThanOrEqual(11);
    }
  });

  it('the base sets an absolute body size and form controls inherit it', () => {
    expect(TOKENS).toMatch(/body\s*{[^}]*font:\s*var\(--sc-body-size\)/);
    expect(TOKENS).toMatch(/button, input, select, textarea { font: inherit; }/);
  });
});
