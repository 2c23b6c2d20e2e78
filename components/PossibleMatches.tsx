import { ResultList, type Result } from './ResultList';
import { useT } from './I18n';
import { WarningBanner } from './WarningBanner';

export interface PossibleMatchesProps {
  /** Colleagues whose name is the sender's display name; their address is not the sender's. */
  matches: readonly Result[];
  onChoose: (id: number) => void;
}

/**
 * Colleagues found by the sender's display name alone. Anyone can write from a free-mail
 * address under a colleague's name, so a warning stands above the list, not a hint below it.
 */
export function PossibleMatches({ matches, onChoose }: PossibleMatchesProps) {
  const { t } = useT();
  return (
    <section className="possible-matches" aria-label={t('possibleMatches')}>
      <h3>{t('possibleMatches')}</h3>
      <WarningBanner>{t('nameOnlyWarning')}</WarningBanner>
      <ResultList results={matches} onChoose={onChoose} label={t('possibleMatches')} />
    </section>
  );
}
