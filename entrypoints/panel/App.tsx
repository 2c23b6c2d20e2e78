import { useEffect, useRef, useState } from 'react';
import { I18nProvider, useT } from '@/components/I18n';
import { PersonCard } from '@/components/PersonCard';
import { ResultList } from '@/components/ResultList';
import { SearchBox } from '@/components/SearchBox';
import { resolveLang } from '@/lib/i18n';
import { PANEL_PORT } from '@/lib/channels';
import type { PanelPush, PanelToBackground } from '@/lib/messages';
import type { ConversationModel, PanelModel } from '@/lib/panel-model';

/**
 * The requester panel. It holds no data of its own and opens no storage (a third-party
 * frame may be refused IndexedDB): the background sends it a ready-made model over a Port.
 */
export function App() {
  const [model, setModel] = useState<PanelModel | undefined>();
  const [collapsed, setCollapsed] = useState(false);
  const [language, setLanguage] = useState<PanelPush['language']>('auto');
  const port = useRef<ReturnType<typeof browser.runtime.connect> | undefined>(undefined);

  useEffect(() => {
    let disposed = false;
    function connect() {
      const p = browser.runtime.connect({ name: PANEL_PORT });
      port.current = p;
      p.onMessage.addListener((m: unknown) => {
        const push = m as PanelPush;
        setModel(push.model);
        setCollapsed(push.layout.collapsed);
        setLanguage(push.language);
      });
      // The service worker may be stopped and restarted; reconnect so the panel stays live.
      p.onDisconnect.addListener(() => {
        if (!disposed) setTimeout(connect, 200);
      });
    }
    connect();
    return () => {
      disposed = true;
      port.current?.disconnect();
    };
  }, []);

  const send = (message: PanelToBackground) => port.current?.postMessage(message);
  const toggle = () => send({ type: 'collapse', collapsed: !collapsed });

  return (
    <I18nProvider lang={resolveLang(language, navigator.language)}>
      <Panel model={model} collapsed={collapsed} onToggle={toggle} send={send} />
    </I18nProvider>
  );
}

function Panel({ model, collapsed, onToggle, send }: { model: PanelModel | undefined; collapsed: boolean; onToggle: () => void; send: (m: PanelToBackground) => void }) {
  const { t } = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !collapsed) onToggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [collapsed, onToggle]);

  if (collapsed) {
    return (
      <main className="panel collapsed">
        <button type="button" className="tab" onClick={onToggle} aria-label={t('panelExpand')} aria-expanded={false}>
          <span aria-hidden="true">◀</span>
        </button>
      </main>
    );
  }
  return (
    <main className="panel" aria-label="Sidecard">
      <header className="panel-header">
        <span className="brand">Sidecard</span>
        {model?.state === 'conversation' && model.stale ? (
          <span className="stale-mark" role="status" title={t('staleHint')}>
            {t('stale')}
          </span>
        ) : null}
        <button type="button" className="width" onClick={() => send({ type: 'wider' })} aria-label={t('panelWidth')} title={t('panelWidth')}>
          <span aria-hidden="true">↔</span>
        </button>
        <button type="button" className="collapse" onClick={onToggle} aria-label={t('panelCollapse')} aria-expanded={true}>
          <span aria-hidden="true">▶</span>
        </button>
      </header>
      <Body model={model} send={send} />
    </main>
  );
}

function Body({ model, send }: { model: PanelModel | undefined; send: (m: PanelToBackground) => void }) {
  const { t } = useT();
  if (!model) return <p className="muted">{t('loading')}</p>;
  switch (model.state) {
    case 'not-connected':
      return (
        <section className="empty">
          <p>{t('panelNotConnected')}</p>
          <button type="button" onClick={() => send({ type: 'open-options' })}>
            {t('openOptions')}
          </button>
        </section>
      );
    case 'first-sync':
      return (
        <section className="empty" role="status">
          <p>{t('panelFirstSync')}</p>
          {model.progress ? (
            <progress aria-label={t('syncProgress')} max={model.progress.totalPages ?? 1} value={model.progress.totalPages ? model.progress.pagesDone : undefined} />
          ) : null}
        </section>
      );
    case 'idle':
      return <p className="muted">{t('panelIdle')}</p>;
    case 'conversation':
      return <ConversationView model={model} send={send} />;
  }
}

function ConversationView({ model, send }: { model: ConversationModel; send: (m: PanelToBackground) => void }) {
  const { t } = useT();
  const [query, setQuery] = useState(model.searchQuery ?? '');
  const selected = model.participants.find((p) => p.email === model.selected);
  return (
    <>
      {model.participants.length > 1 ? (
        <nav className="participants" aria-label={t('participants')}>
          <label>
            <span className="visually-hidden">{t('participants')}</span>
            <select value={model.selected} onChange={(e) => send({ type: 'select', email: e.target.value })} aria-label={t('participants')}>
              {model.participants.map((p) => (
                <option key={p.email} value={p.email}>
                  {`${t(`role_${p.role}`)}: ${p.name ?? p.email}${p.known ? '' : ` (${t('external')})`}`}
                </option>
              ))}
            </select>
          </label>
        </nav>
      ) : null}
      {model.canGoBack ? (
        <button type="button" className="back" onClick={() => send({ type: 'back' })}>
          {t('back')}
        </button>
      ) : null}
      {model.person ? (
        <PersonCard person={model.person} today={model.today} onOpenPerson={(id) => send({ type: 'open-person', id })} />
      ) : (
        <section className="not-found" aria-live="polite">
          <h2>{t('notInPersonio')}</h2>
          <p className="muted">{t('notInPersonioHint', { email: selected?.email ?? model.selected })}</p>
          {model.possibleMatches?.length ? (
            <section aria-label={t('possibleMatches')}>
              <h3>{t('possibleMatches')}</h3>
              <ResultList
                results={model.possibleMatches.map((r) => ({ id: r.id, name: r.name, details: [r.position, r.email] }))}
                onChoose={(id) => send({ type: 'open-person', id })}
              />
            </section>
          ) : null}
          <SearchBox
            value={query}
            onChange={(q) => {
              setQuery(q);
              send({ type: 'search', query: q });
            }}
            label={t('searchPeople')}
          />
          {model.searchResults?.length ? (
            <ResultList
              results={model.searchResults.map((r) => ({ id: r.id, name: r.name, details: [r.position] }))}
              onChoose={(id) => send({ type: 'open-person', id })}
            />
          ) : null}
        </section>
      )}
    </>
  );
}
