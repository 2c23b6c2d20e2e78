import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { I18nProvider, useT } from '@/components/I18n';
import { OrgView } from '@/components/OrgView';
import { PersonCard } from '@/components/PersonCard';
import { ResultList, resultOptionId } from '@/components/ResultList';
import { SearchBox } from '@/components/SearchBox';
import { SyncStatus } from '@/components/SyncStatus';
import { useNow } from '@/components/useNow';
import { useStatus } from '@/components/useStatus';
import { useSyncProgress } from '@/components/useSyncProgress';
import { earlyFirstLetters } from '@/components/early';
import { ask } from '@/lib/ask';
import { resolveLang } from '@/lib/i18n';
import { localDay } from '@/lib/format';
import type { OpenedPerson } from '@/lib/messages';
import type { SearchHit } from '@/lib/search';
import { runningSync, syncStateOf } from '@/lib/status';
import { WarningBanner } from '@/components/WarningBanner';
import { drawOutOfSight } from '@/components/draw-out-of-sight';
import { POPUP_RESULTS, WARM_UP_DRAWS, warmUpResults } from '@/lib/warm-up';
import { readShellHint, rememberShellHint, type ShellHint } from './shell';

/** `typed`: what was typed into the page's shell search box before React drew this one. */
export function App({ typed = '' }: { typed?: string }) {
  // Above the provider: the saved language choice comes with the status; until it does, the
  // language the last popup spoke (the shell already speaks it).
  const live = useStatus();
  const hint = useMemo(() => readShellHint(localStorage), []);
  return (
    <I18nProvider lang={resolveLang(live.status?.settings.language ?? hint?.lang ?? 'auto', navigator.language)}>
      <Popup live={live} typed={typed} hint={hint} />
    </I18nProvider>
  );
}

type Opened = OpenedPerson;

/** The keyboard shortcut that opens this popup, as the browser has it (the user may change it). */
function useShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string | undefined>();
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((all) => setShortcut(all.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action')?.shortcut || undefined))
      .catch(() => undefined);
  }, []);
  return shortcut;
}

function Popup({ live, typed, hint }: { live: ReturnType<typeof useStatus>; typed: string; hint: ShellHint | undefined }) {
  const { t, lang } = useT();
  const { status } = live;
  const progress = useSyncProgress();
  const [query, setQuery] = useState(typed);
  const [results, setResults] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });
  const [active, setActive] = useState(0);
  const [stack, setStack] = useState<Opened[]>([]);
  const now = useNow();
  const shortcut = useShortcut();
  const listId = useId();

  // One-letter results the background left for the first keystroke: it may come before a
  // sleeping worker is awake to answer. The background's own answer follows and replaces them.
  const firstLetters = useRef<Record<string, SearchHit[]>>({});
  useEffect(() => {
    void earlyFirstLetters().then((letters) => (firstLetters.current = letters));
  }, []);

  // Asked straight from the input event, not from an effect after the next render; a reply
  // that arrives after a newer keystroke's is dropped.
  const latest = useRef(typed);
  const early = useRef<{ query: string; ids: string } | undefined>(undefined);
  function search(next: string) {
    latest.current = next;
    setQuery(next);
    const ready = next.trim() ? firstLetters.current[next.trim().toLowerCase()] : [];
    early.current = Array.isArray(ready) ? { query: next, ids: ready.map((h) => h.id).join() } : undefined;
    if (Array.isArray(ready)) {
      setResults({ query: next, hits: ready });
      setActive(0);
    }
    askResults(next);
  }

  function askResults(next: string) {
    if (!next.trim()) return;
    void ask({ type: 'search', query: next, limit: POPUP_RESULTS }).then((hits) => {
      if (latest.current !== next) return;
      // The same people as the early results: keep the selection the arrows may have moved.
      if (early.current?.query !== next || early.current.ids !== hits.map((h) => h.id).join()) setActive(0);
      setResults({ query: next, hits });
    });
  }

  // What was typed into the shell (already the query) is searched once, as if typed here.
  useEffect(() => {
    askResults(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The next popup's shell speaks this popup's language, and hides its box when not connected.
  const connected = status?.connected;

  // While the popup waits for the first keystroke, its result list is drawn out of sight
  // (lib/warm-up.ts says why). Once idle: the search box and status come first.
  const warmed = useRef(false);
  useEffect(() => {
    if (!connected || warmed.current) return;
    const idle = requestIdleCallback(() => {
      warmed.current = true;
      const list = <ResultList results={warmUpResults()} onChoose={() => undefined} label={t('searchResults')} listbox={{ id: `${listId}-warm-up`, active: 0 }} />;
      drawOutOfSight(document, list, document.body.clientWidth, WARM_UP_DRAWS);
    });
    return () => cancelIdleCallback(idle);
  }, [connected, listId, t]);
  useEffect(() => {
    if (connected !== undefined) rememberShellHint(localStorage, { lang, label: t('searchPeople'), placeholder: t('searchPlaceholder'), connected });
  }, [connected, lang, t]);

  async function open(id: number) {
    const opened = await ask({ type: 'person', id });
    if (!opened) return;
    setStack((s) => [...s, opened]);
    if (opened.person.vacation?.state === 'loading') await settle(id);
  }

  /** The card again once its balance has arrived, or says why it has not (a bounded wait). */
  async function settle(id: number) {
    const settled = await ask({ type: 'person', id, wait: true });
    if (settled) setStack((s) => s.map((entry) => (entry.person.id === id ? settled : entry)));
  }

  async function retryBalance(id: number) {
    await ask({ type: 'retry-balance', id });
    const again = await ask({ type: 'person', id });
    if (again) setStack((s) => s.map((entry) => (entry.person.id === id ? again : entry)));
    await settle(id);
  }

  const hits = results.hits;
  function onKey(key: string) {
    if (key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    if (key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    if (key === 'Enter' && hits[active]) void open(hits[active].id);
    if (key === 'Escape' && query) search('');
  }

  // Before the status: the search box the shell showed, unless the last popup was not connected.
  if (!status && hint?.connected === false) return <main className="popup" aria-busy="true" />;

  if (status && !status.connected) {
    return (
      <main className="popup empty-state">
        <h1>Sidecard</h1>
        <p>{t('panelNotConnected')}</p>
        <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </main>
    );
  }

  const running = status ? runningSync(status, progress) : undefined;
  const top = stack[stack.length - 1];
  return (
    <main
      className="popup"
      {...(status ? {} : { 'aria-busy': true })}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && top) {
          e.preventDefault();
          setStack((s) => s.slice(0, -1));
        }
      }}
    >
      {status?.databaseTooNew ? <WarningBanner>{t('databaseTooNew')}</WarningBanner> : null}
      {top ? (
        <>
          <button type="button" className="back" onClick={() => setStack((s) => s.slice(0, -1))} autoFocus>
            ← {t('back')}
          </button>
          <PersonCard person={top.person} today={localDay(now)} onOpenPerson={(id) => void open(id)} onRetryBalance={(id) => void retryBalance(id)} />
          {top.org ? <OrgView chain={top.org.chain} {...(top.org.brokenAt ? { brokenAt: top.org.brokenAt } : {})} reports={top.org.reports} onOpenPerson={(id) => void open(id)} /> : null}
        </>
      ) : (
        <>
          <SearchBox
            value={query}
            onChange={search}
            onKey={onKey}
            label={t('searchPeople')}
            autoFocus
            controls={listId}
            {...(hits[active] ? { activeDescendant: resultOptionId(listId, hits[active].id) } : {})}
          />
          {shortcut ? <p className="muted shortcut">{t('popupShortcut', { shortcut })}</p> : null}
          {status?.employeeCount === 0 && running ? (
            <div role="status" className="empty-state">
              <p>{t('panelFirstSync')}</p>
              <progress aria-label={t('syncProgress')} max={running.totalPages ?? 1} {...(running.totalPages ? { value: running.pagesDone } : {})} />
            </div>
          ) : null}
          <ResultList
            results={hits.map((h) => ({ id: h.id, name: h.name, details: [h.position ?? h.email, h.department] }))}
            onChoose={(id) => void open(id)}
            label={t('searchResults')}
            listbox={{ id: listId, active, onActive: setActive }}
          />
          {hits.length ? (
            <p className="muted keys-hint" id={`${listId}-hint`}>
              {t('resultsKeysHint')}
            </p>
          ) : null}
          {results.query && results.query === query && hits.length === 0 ? (
            <div className="empty-state" role="status">
              <p>{t('noResults')}</p>
              <p className="muted">{t('noResultsHint')}</p>
            </div>
          ) : null}
        </>
      )}
      {status ? (
        <footer>
          <SyncStatus state={syncStateOf(status, progress)} now={now} onSyncNow={() => void ask({ type: 'sync-now' })} />
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openOptions')}
          </button>
        </footer>
      ) : null}
    </main>
  );
}
