import { useId, useState } from 'react';
import { useT } from '@/components/I18n';
import { normalisePersonioWebUrl } from '@/lib/personio-web';

interface Props {
  personioWebUrl: string;
  onChange(patch: { personioWebUrl: string }): void;
}

/** The company's Personio web address, which gives every card an "Open in Personio" link. Optional. */
export function PersonioLinkSection({ personioWebUrl, onChange }: Props) {
  const { t } = useT();
  const ids = { heading: useId(), input: useId(), hint: useId() };
  const [draft, setDraft] = useState(personioWebUrl);
  const [error, setError] = useState(false);

  function save() {
    if (draft.trim() === '') {
      setError(false);
      onChange({ personioWebUrl: '' });
      return;
    }
    const normalised = normalisePersonioWebUrl(draft);
    setError(normalised === null);
    if (normalised) {
      setDraft(normalised);
      onChange({ personioWebUrl: normalised });
    }
  }

  return (
    <section aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('personioLinkHeading')}</h2>
      <form
        className="plain"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="plain inline">
          <div className="field">
            <label htmlFor={ids.input}>{t('personioWebUrl')}</label>
            <input
              id={ids.input}
              value={draft}
              placeholder="https://acme.personio.de"
              spellCheck={false}
              aria-describedby={ids.hint}
              aria-invalid={error}
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          <button type="submit" disabled={draft.trim() === personioWebUrl}>
            {t('saveLink')}
          </button>
        </div>
      </form>
      <p id={ids.hint} className="muted">
        {t('personioWebUrlHint')}
      </p>
      {error ? (
        <p role="alert" className="result error">
          {t('personioWebUrlInvalid')}
        </p>
      ) : null}
    </section>
  );
}
