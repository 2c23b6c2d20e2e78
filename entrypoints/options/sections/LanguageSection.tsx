import { useId } from 'react';
import { useT } from '@/components/I18n';
import type { LanguageSetting } from '@/lib/i18n';

const CHOICES = ['auto', 'en', 'de'] as const satisfies readonly LanguageSetting[];

interface Props {
  language: LanguageSetting;
  onChange(patch: { language: LanguageSetting }): void;
}

/** The UI language of the panel, the popup and the options page; "auto" follows the browser. */
export function LanguageSection({ language, onChange }: Props) {
  const { t } = useT();
  const ids = { heading: useId(), hint: useId() };
  const label = (choice: LanguageSetting) => (choice === 'auto' ? t('languageAuto') : t(`language_${choice}`));
  return (
    <section aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('languageHeading')}</h2>
      <div className="field">
        <select aria-labelledby={ids.heading} aria-describedby={ids.hint} value={language} onChange={(e) => onChange({ language: CHOICES.find((c) => c === e.target.value) ?? 'auto' })}>
          {CHOICES.map((choice) => (
            // A language's own name is read out in that language.
            <option key={choice} value={choice} {...(choice === 'auto' ? {} : { lang: choice })}>
              {label(choice)}
            </option>
          ))}
        </select>
        <span id={ids.hint} className="muted">
          {t('languageHint')}
        </span>
      </div>
    </section>
  );
}
