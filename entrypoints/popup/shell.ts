import type { Lang } from '@/lib/i18n';

/**
 * The popup's shell: a search box written in popup.html itself, so it is there, focused and
 * taking keystrokes, as soon as the page is parsed, while React and the page's scripts still
 * load. React takes the typed text over when it draws the real search box in its place.
 *
 * The shell's words and whether to show it come from the last popup's hint in localStorage:
 * readable at once (no round trip), kept across browser restarts, and holding no HR data,
 * only the UI language, two labels, and whether Sidecard was connected.
 * public/early-status.js applies it; it names the same key and attribute.
 */
export const SHELL_HINT_KEY = 'sidecard.popupShell';

export interface ShellHint {
  lang: Lang;
  /** The search box's accessible name and placeholder, in `lang`. */
  label: string;
  placeholder: string;
  /** False: the last popup found Sidecard not connected, so the shell hides its search box. */
  connected: boolean;
}

/** The shell's search box; absent once React has drawn its own. */
function shellInput(root: ParentNode): HTMLInputElement | null {
  return root.querySelector<HTMLInputElement>('input[data-shell]');
}

/** What was typed into the shell before React took over ('' once React has drawn its own box). */
export function shellQuery(root: ParentNode): string {
  return shellInput(root)?.value ?? '';
}

/** The hint for the next opening; a full or unavailable storage only costs the next shell its words. */
export function rememberShellHint(storage: Pick<Storage, 'getItem' | 'setItem'>, hint: ShellHint): void {
  const text = JSON.stringify(hint);
  try {
    if (storage.getItem(SHELL_HINT_KEY) !== text) storage.setItem(SHELL_HINT_KEY, text);
  } catch {
    // Quota or a blocked storage: the shell keeps its English defaults.
  }
}

/** The last popup's hint, or undefined when there is none or it is not one. */
export function readShellHint(storage: Pick<Storage, 'getItem'>): ShellHint | undefined {
  try {
    const value: unknown = JSON.parse(storage.getItem(SHELL_HINT_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { lang, label, placeholder, connected } = value as Record<string, unknown>;
    if ((lang !== 'en' && lang !== 'de') || typeof label !== 'string' || typeof placeholder !== 'string' || typeof connected !== 'boolean') return undefined;
    return { lang, label, placeholder, connected };
  } catch {
    return undefined;
  }
}
