import { useEffect, useState } from 'react';
import { I18nProvider, useT } from '@/components/I18n';
import { OrgView } from '@/components/OrgView';
import { PersonCard } from '@/components/PersonCard';
import { SearchBox } from '@/components/SearchBox';
import { SyncStatus } from '@/components/SyncStatus';
import { useNow } from '@/components/useNow';
import { ask } from '@/lib/ask';
import { resolveLang } from '@/lib/i18n';
import { todayIn, type ConversationModel } from '@/lib/panel-model';
import type { PersonView } from '@/lib/person-view';
import type { SearchHit } from '@/lib/search';
import type { StatusReply } from '@/lib/status';

export function App() {
  return (
    <I18nProvider lang={resolveLang('auto', navigator.language)}>
      <Popup />
    </I18nProvider>
  );
}

interface Opened {
  person: PersonView;
  org: NonNullable<ConversationModel['org']>;
}

function Popup() {
  const { t } = useT();
  const [status, setStatus] = useState<StatusReply | undefined>();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [stack, setStack] = useState<Opened[]>([]);
  const now = useNow();

  useEffect(() => {
    void ask<StatusReply>({ type: 'status' }).then(setStatus);
  }, []);

  useEffect(() => {
    let current = true;
    void ask<SearchHit[]>({ type: 'search', query, limit: 20 }).then((r) => {
      if (current) {
        setHits(r);
        setActive(0);
      }
    });
    return () => {
      current = false;
    };
  }, [query]);

  async function open(id: number) {
    const opened = await ask<Opened | null>({ type: 'person', id });
    if (opened) setStack((s) => [...s, opened]);
  }

  function onKey(key: string) {
    if (key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    if (key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    if (key === 'Enter' && hits[active]) void open(hits[active].id);
  }

  const top = stack[stack.length - 1];
  if (status && !status.connected) {
    return (
      <main className="popup">
        <p>{t('panelNotConnected')}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </main>
    );
  }
  return (
    <main className="popup" onKeyDown={(e) => e.key === 'Escape' && top && (e.preventDefault(), setStack((s) => s.slice(0, -1)))}>
      {top ? (
        <>
          <button type="button" className="back" onClick={() => setStack((s) => s.slice(0, -1))}>
            {t('back')}
          </button>
          <PersonCard person={top.person} today={todayIn(now)} onOpenPerson={(id) => void open(id)} />
          <OrgView chain={top.org.chain} {...(top.org.brokenAt ? { brokenAt: top.org.brokenAt } : {})} reports={top.org.reports} onOpenPerson={(id) => void open(id)} />
        </>
      ) : (
        <>
          <SearchBox value={query} onChange={setQuery} onKey={onKey} label={t('searchPeople')} autoFocus />
          <ul className="results" role="listbox" aria-label={t('searchResults')}>
            {hits.map((h, i) => (
              <li key={h.id} role="option" aria-selected={i === active}>
                <button type="button" onClick={() => void open(h.id)} tabIndex={-1}>
                  <span className="name">{h.name}</span>
                  <span className="muted"> · {h.position ?? h.email}</span>
                </button>
              </li>
            ))}
          </ul>
          {query && hits.length === 0 ? <p className="muted">{t('noResults')}</p> : null}
        </>
      )}
      {status ? (
        <footer>
          <SyncStatus
            state={{ connected: status.connected, stale: status.stale, ...(status.lastSuccessAt !== undefined ? { lastSuccessAt: status.lastSuccessAt } : {}), ...(status.lastError ? { error: status.lastError } : {}) }}
            now={now}
            onSyncNow={() => void ask({ type: 'sync-now' })}
          />
        </footer>
      ) : null}
    </main>
  );
}
