import { useState } from 'react';
import { useT } from '@/components/I18n';
import { Modal } from '@/components/Modal';
import { ask } from '@/lib/ask';
import type { StatusReply } from '@/lib/status';

function formatBytes(bytes: number, lang: 'en' | 'de'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

export function DisconnectSection({ status, refresh }: { status: StatusReply; refresh: () => Promise<void> }) {
  const { t, lang } = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  async function disconnect() {
    setBusy(true);
    await ask({ type: 'disconnect' });
    await refresh();
  }
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      <p>
        {status.databaseTooNew ? t('dataStoredByNewer') : t('dataStored', { count: status.employeeCount })}
        {status.storageBytes !== undefined ? ` ${t('dataStorage', { size: formatBytes(status.storageBytes, lang) })}` : ''}
      </p>
      <details>
        <summary>{t('privacySummary')}</summary>
        <p>{t('privacyWhere')}</p>
        <p>{t('privacyWhat')}</p>
        <p>{t('privacyHowLong')}</p>
      </details>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {t('disconnect')}
      </button>
      <Modal open={confirming} title={t('disconnectTitle')} onCancel={() => setConfirming(false)}>
        <p>{t('disconnectConfirm')}</p>
        <p className="muted">{status.databaseTooNew ? t('disconnectWhatNewer') : t('disconnectWhat', { count: status.employeeCount })}</p>
        <div className="actions">
          {/* Cancel first and focused: the safe answer is the one Enter gives. */}
          <button type="button" data-autofocus onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
          <button type="button" className="danger" onClick={() => void disconnect()} disabled={busy}>
            {t('disconnectYes')}
          </button>
        </div>
      </Modal>
    </section>
  );
}

