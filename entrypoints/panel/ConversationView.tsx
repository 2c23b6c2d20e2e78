import { useState } from 'react';
import { useT } from '@/components/I18n';
import { ParticipantList } from '@/components/ParticipantList';
import { PersonCard } from '@/components/PersonCard';
import { PossibleMatches } from '@/components/PossibleMatches';
import { ResultList } from '@/components/ResultList';
import { SearchBox } from '@/components/SearchBox';
import { WarningBanner } from '@/components/WarningBanner';
import type { PanelToBackground } from '@/lib/messages';
import type { ConversationModel } from '@/lib/panel-model';

type Send = (m: PanelToBackground) => void;

/**
 * The panel on a conversation: the card of the selected participant, or why there is none
 * (not in Personio, shown by name only, the page cannot be read), always with a way on: the
 * people with that name, or the search.
 */
export function ConversationView({ model, send }: { model: ConversationModel; send: Send }) {
  const { t } = useT();
  if (model.page && 'reading' in model.page) {
    return (
      <p className="muted" role="status">
        {t('readingPage')}
      </p>
    );
  }
  if (model.page) {
    return (
      <section className="not-found" aria-live="polite">
        <WarningBanner>
          <span className="banner-title">{t('unreadableTitle')}</span>
        </WarningBanner>
        <p className="muted">{t('unreadableHint')}</p>
        <PanelSearch model={model} send={send} />
        <details className="admin-details">
          <summary>{t('unreadableDetails')}</summary>
          <p className="muted">{t('unreadableHook', { site: model.page.site, hook: model.page.failed })}</p>
        </details>
      </section>
    );
  }
  const selected = model.participants.find((p) => p.key === model.selected);
  const byName = model.byName;
  const trail = model.trail;
  return (
    <>
      {model.participants.length > 1 ? <ParticipantList participants={model.participants} selected={model.selected} onSelect={(key) => send({ type: 'select', key })} /> : null}
      {trail ? (
        <nav className="trail" aria-label={t('whereYouAre')}>
          <button type="button" className="back" onClick={() => send({ type: 'back' })}>
            <span aria-hidden="true">‹ </span>
            {t('back')}
          </button>
          <ol>
            {trail.map((name, i) => (
              <li key={i} aria-current={i === trail.length - 1 ? 'location' : undefined}>
                {i > 0 ? <span aria-hidden="true">› </span> : null}
                {name}
              </li>
            ))}
          </ol>
        </nav>
      ) : model.canGoBack ? (
        <button type="button" className="back" onClick={() => send({ type: 'back' })}>
          {t('back')}
        </button>
      ) : null}
      {byName?.addressHidden ? <p className="muted">{t('addressHidden', { name: byName.name })}</p> : null}
      {model.person ? (
        <>
          {byName?.matches === 'one' && !model.canGoBack ? (
            <WarningBanner>
              <span className="banner-title">{t('matchedByName')}</span>: {t('matchedByNameHint', { name: byName.name })}
            </WarningBanner>
          ) : null}
          {model.matchedByNameOnly ? <WarningBanner>{t('nameOnlyOpened', { email: model.selected })}</WarningBanner> : null}
          <PersonCard person={model.person} today={model.today} onOpenPerson={(id) => send({ type: 'open-person', id })} onRetryBalance={(id) => send({ type: 'retry-balance', id })} />
        </>
      ) : byName?.matches === 'several' ? (
        <section className="not-found" aria-live="polite">
          <WarningBanner>
            <span className="banner-title">{t('severalNamed')}</span>
          </WarningBanner>
          <p className="muted">{t('severalNamedHint', { name: byName.name })}</p>
          <PossibleMatches
            matches={(model.possibleMatches ?? []).map((r) => ({ id: r.id, name: r.name, details: [r.position, r.department] }))}
            onChoose={(id) => send({ type: 'open-person', id })}
          />
        </section>
      ) : (
        <section className="not-found" aria-live="polite">
          <h2>{t('notInPersonio')}</h2>
          <p className="muted">{byName ? t('nameNotFound', { name: byName.name }) : t('notInPersonioHint', { email: selected?.email ?? model.selected })}</p>
          {model.possibleMatches?.length ? (
            <PossibleMatches
              matches={model.possibleMatches.map((r) => ({ id: r.id, name: r.name, details: [r.position, r.email] }))}
              onChoose={(id) => send({ type: 'open-person', id })}
            />
          ) : null}
          <PanelSearch model={model} send={send} />
        </section>
      )}
    </>
  );
}

/** The panel's own search (the popup's, in the panel): for an outsider, or a page it cannot read. */
function PanelSearch({ model, send }: { model: ConversationModel; send: Send }) {
  const { t } = useT();
  const [query, setQuery] = useState(model.searchQuery ?? '');
  return (
    <>
      <SearchBox
        value={query}
        onChange={(q) => {
          setQuery(q);
          send({ type: 'search', query: q });
        }}
        label={t('searchPeople')}
      />
      {model.searchResults?.length ? (
        <ResultList results={model.searchResults.map((r) => ({ id: r.id, name: r.name, details: [r.position] }))} onChoose={(id) => send({ type: 'open-person', id })} />
      ) : null}
    </>
  );
}
