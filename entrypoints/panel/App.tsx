import { useEffect, useRef, useState } from 'react';
import { I18nProvider, useT } from '@/components/I18n';
import { resolveLang } from '@/lib/i18n';
import { prepareFormats } from '@/lib/format';
import { PANEL_PORT } from '@/lib/channels';
import type { PanelPush, PanelToBackground } from '@/lib/messages';
import type { PanelModel } from '@/lib/panel-model';
import { ConversationView } from './ConversationView';
import { drawOutOfSight } from '@/components/draw-out-of-sight';
import { WARM_UP_DRAWS, warmUpConversation } from '@/lib/warm-up';
import { DataAsOf } from '@/components/DataAsOf';
import { WarningBanner } from '@/components/WarningBanner';
import { DEFAULT_LAYOUT, nextWidth } from '@/lib/panel-layout';
import { BrandMark, CollapseIcon, NarrowerIcon, OpenIcon, WiderIcon } from './icons';

/** How long the frame's warm-up may wait for an idle period. */
const WARM_UP_WITHIN_MS = 50;

/**
 * The requester panel. It holds no data of its own and opens no storage (a third-party
 * frame may be refused IndexedDB): the background sends it a ready-made model over a Port.
 */
export function App() {
  const [model, setModel] = useState<PanelModel | undefined>();
  const [collapsed, setCollapsed] = useState(false);
  const [width, setWidth] = useState(DEFAULT_LAYOUT.width);
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
        setWidth(push.layout.width);
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

  const lang = resolveLang(language, navigator.language);
  // The frame is created hidden, ahead of the first conversation: its idle time prepares the
  // date formats that conversation's card will need, and draws a made-up card out of sight.
  // Soon, not at leisure: a hidden frame may get no idle period until the timeout, and the
  // first conversation may open a moment after the page loads. The work runs in the
  // extension's process, not the page's.
  const warmed = useRef(false);
  useEffect(() => {
    const idle = requestIdleCallback(
      () => {
        const now = Date.now();
        prepareFormats(lang, now);
        if (warmed.current) return;
        warmed.current = true;
        const noop = () => undefined;
        drawOutOfSight(
          document,
          <I18nProvider lang={lang}>
            <Panel model={warmUpConversation(now)} collapsed={false} width={DEFAULT_LAYOUT.width} onToggle={noop} send={noop} />
          </I18nProvider>,
          DEFAULT_LAYOUT.width,
          WARM_UP_DRAWS,
        );
      },
      { timeout: WARM_UP_WITHIN_MS },
    );
    return () => cancelIdleCallback(idle);
  }, [lang]);

  const send = (message: PanelToBackground) => port.current?.postMessage(message);
  const toggle = () => send({ type: 'collapse', collapsed: !collapsed });

  return (
    <I18nProvider lang={lang}>
      <Panel model={model} collapsed={collapsed} width={width} onToggle={toggle} send={send} />
    </I18nProvider>
  );
}

function Panel({ model, collapsed, width, onToggle, send }: { model: PanelModel | undefined; collapsed: boolean; width: number; onToggle: () => void; send: (m: PanelToBackground) => void }) {
  const { t } = useT();
  // The width button steps through the widths; it says which way the next step goes.
  const wider = nextWidth(width) > width;
  const widthLabel = t('iconButtonLabel', { name: t(wider ? 'panelWider' : 'panelNarrower'), hint: t('panelWidth') });
  const collapseLabel = t('iconButtonLabel', { name: t('panelCollapseShort'), hint: t('panelCollapse') });
  const openLabel = t('iconButtonLabel', { name: t('panelOpen'), hint: t('panelExpand') });
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
        <button type="button" className="tab" onClick={onToggle} aria-label={openLabel} title={openLabel} aria-expanded={false}>
          <BrandMark className="brand-mark" />
          <OpenIcon />
        </button>
      </main>
    );
  }
  return (
    <main className="panel" aria-label="Sidecard">
      <header className="panel-header">
        <span className="brand">
          <BrandMark className="brand-mark" />
          Sidecard
        </span>
        <button type="button" className="icon-button width" onClick={() => send({ type: 'wider' })} aria-label={widthLabel} title={widthLabel}>
          {wider ? <WiderIcon /> : <NarrowerIcon />}
        </button>
        <button type="button" className="icon-button collapse" onClick={onToggle} aria-label={collapseLabel} title={collapseLabel} aria-expanded={true}>
          <CollapseIcon />
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
    // No conversation: the frame is hidden, or has just been shown and its card is on its way.
    case 'idle':
      return <p className="muted">{t('loading')}</p>;
    case 'database-too-new':
      return (
        <section className="empty">
          <WarningBanner>{t('databaseTooNew')}</WarningBanner>
          <button type="button" onClick={() => send({ type: 'open-options' })}>
            {t('openOptions')}
          </button>
        </section>
      );
    case 'offer':
      // Naming a tenant is a setting, and settings change on the options page only.
      return (
        <section className="empty">
          <p>{t('tenantOffer', { host: model.host })}</p>
          <button type="button" onClick={() => void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}?tenant=${encodeURIComponent(model.host)}#sites` })}>
            {t('tenantOfferAction')}
          </button>
        </section>
      );
    case 'conversation':
      return (
        <>
          <DataAsOf freshness={model.freshness} today={model.today} placement="top" />
          <ConversationView model={model} send={send} />
          <DataAsOf freshness={model.freshness} today={model.today} placement="bottom" />
        </>
      );
  }
}
