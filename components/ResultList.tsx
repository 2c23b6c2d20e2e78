/** One person in a result list. */
export interface Result {
  id: number;
  name: string;
  /** Shown after the name, each after a dot (position, email, department: the caller picks); empty ones are left out. */
  details: readonly (string | undefined)[];
}

export interface ResultListProps {
  results: readonly Result[];
  /** A result was chosen: clicked, or its button pressed. */
  onChoose: (id: number) => void;
  /** The list's accessible name. */
  label?: string;
  /**
   * Draws a listbox for a search box that keeps the focus and moves the `active` option with
   * the arrow keys (pointing at it with aria-activedescendant: see `resultOptionId`). Without
   * it, each result is a button in a plain list, reached with Tab. The options are reached
   * with Tab too (and then the arrows move between them); `onActive` follows the focus.
   */
  listbox?: { id: string; active: number; onActive?: (index: number) => void };
}

/** The id of a result's option in the listbox `listId`, for the search box's aria-activedescendant. */
export function resultOptionId(listId: string, personId: number): string {
  return `${listId}-${personId}`;
}

/** People found by a search or offered as matches; choosing one opens them. */
export function ResultList({ results, onChoose, label, listbox }: ResultListProps) {
  const labelled = label ? { 'aria-label': label } : {};
  if (listbox) {
    return (
      <ul className="results" role="listbox" id={listbox.id} {...labelled}>
        {results.map((r, i) => (
          <li
            key={r.id}
            id={resultOptionId(listbox.id, r.id)}
            role="option"
            aria-selected={i === listbox.active}
            tabIndex={0}
            onClick={() => onChoose(r.id)}
            onFocus={() => listbox.onActive?.(i)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onChoose(r.id);
              } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                const next = e.currentTarget[e.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling'];
                if (next instanceof HTMLElement) next.focus();
              }
            }}
          >
            <ResultText result={r} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="results" {...labelled}>
      {results.map((r) => (
        <li key={r.id}>
          <button type="button" onClick={() => onChoose(r.id)}>
            <ResultText result={r} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function ResultText({ result }: { result: Result }) {
  return (
    <>
      <span className="name">{result.name}</span>
      {result.details.map((detail, i) => (detail ? <span key={i} className="muted"> · {detail}</span> : null))}
    </>
  );
}
