import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { readShellHint, rememberShellHint, SHELL_HINT_KEY, shellQuery } from './shell';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  let writes = 0;
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      writes += 1;
      items.set(key, value);
    },
    writes: () => writes,
  };
}

const GERMAN = { lang: 'de', label: 'Personen suchen', placeholder: 'Name oder E-Mail', connected: true } as const;

describe('popup shell hint', () => {
  it('reads back what the last popup left, and writes only when it changed', () => {
    const storage = memoryStorage();
    rememberShellHint(storage, GERMAN);
    rememberShellHint(storage, GERMAN);
    expect(readShellHint(storage)).toEqual(GERMAN);
    expect(storage.writes()).toBe(1);
    rememberShellHint(storage, { ...GERMAN, connected: false });
    expect(readShellHint(storage)?.connected).toBe(false);
  });

  it('takes no hint from a missing, broken or foreign value', () => {
    expect(readShellHint(memoryStorage())).toBeUndefined();
    expect(readShellHint(memoryStorage({ [SHELL_HINT_KEY]: '{not json' }))).toBeUndefined();
    expect(readShellHint(memoryStorage({ [SHELL_HINT_KEY]: JSON.stringify({ ...GERMAN, lang: 'fr' }) }))).toBeUndefined();
    expect(readShellHint(memoryStorage({ [SHELL_HINT_KEY]: JSON.stringify({ ...GERMAN, label: 3 }) }))).toBeUndefined();
  });

  it('a storage that refuses the write costs only the hint', () => {
    const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(() => rememberShellHint(full, GERMAN)).not.toThrow();
  });
});

describe('shell query', () => {
  it('is what was typed into the shell, and nothing once React has drawn its own box', () => {
    document.body.innerHTML = '<div id="root"><input type="search" data-shell></div>';
    const root = document.getElementById('root')!;
    root.querySelector('input')!.value = 'ada';
    expect(shellQuery(root)).toBe('ada');
    root.innerHTML = '<input type="search">';
    expect(shellQuery(root)).toBe('');
  });
});

describe('the shell in popup.html', () => {
  it('has the English words React draws, for a first popup with no hint yet', () => {
    const html = readFileSync(join(import.meta.dirname, 'index.html'), 'utf8');
    const shell = new DOMParser().parseFromString(html, 'text/html').querySelector('input[data-shell]');
    expect(shell?.getAttribute('aria-label')).toBe(en.searchPeople);
    expect(shell?.getAttribute('placeholder')).toBe(en.searchPlaceholder);
    expect(shell?.hasAttribute('autofocus')).toBe(true);
  });
});
