import type { KeyboardEvent } from 'react';
import { useT } from './I18n';

/** The keys a result list reacts to. */
export type SearchKey = 'ArrowUp' | 'ArrowDown' | 'Enter' | 'Escape';
const SEARCH_KEYS: ReadonlySet<string> = new Set<SearchKey>(['ArrowUp', 'ArrowDown', 'Enter', 'Escape']);

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** ArrowUp/ArrowDown/Enter/Escape, for moving through and opening results. */
  onKey?: (key: SearchKey, event: KeyboardEvent<HTMLInputElement>) => void;
  /** The accessible name; defaults to "Search people". */
  label?: string;
  placeholder?: string;
  autoFocus?: boolean;
  id?: string;
  /** For a combobox-style result list: the list's id and the active option's id. */
  controls?: string;
  activeDescendant?: string;
}

/** A controlled, labelled search field. */
export function SearchBox({ value, onChange, onKey, label, placeholder, autoFocus, id, controls, activeDescendant }: SearchBoxProps) {
  const { t } = useT();
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!onKey || !SEARCH_KEYS.has(e.key) || e.nativeEvent.isComposing) return;
    // Arrows move through results, not the caret to the start or end of the query.
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') e.preventDefault();
    onKey(e.key as SearchKey, e);
  }
  return (
    <input
      type="search"
      className="search"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
      aria-label={label ?? t('searchPeople')}
      placeholder={placeholder ?? t('searchPlaceholder')}
      autoComplete="off"
      spellCheck={false}
      {...(autoFocus ? { autoFocus: true } : {})}
      {...(id ? { id } : {})}
      {...(controls ? { 'aria-controls': controls } : {})}
      {...(activeDescendant ? { 'aria-activedescendant': activeDescendant } : {})}
    />
  );
}
