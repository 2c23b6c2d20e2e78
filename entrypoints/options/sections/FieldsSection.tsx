import { useState } from 'react';
import { useT } from '@/components/I18n';
import { Modal } from '@/components/Modal';
import { STANDARD_FIELDS, isCustomField, type FieldSetting } from '@/lib/fields';
import { fieldLabelKey } from '@/lib/i18n';

interface Props {
  fields: FieldSetting[];
  /** Labels of the credential's custom attributes (dynamic_<n>) by key; unknown ones show their key. */
  customLabels: Record<string, string>;
  /** Attribute keys the credential grants, when known: fields needing others are marked. */
  granted?: Set<string>;
  locked: boolean;
  /**
   * People stored now: turning a field's Store off deletes it from each of them. The stored
   * count rather than the number holding a value: that would mean reading every record.
   */
  storedCount: number;
  onChange(fields: FieldSetting[]): void;
}

/**
 * "What is stored and shown": two switches per field, and the panel order, changed with
 * Move up / Move down buttons (keyboard-friendly; the order is what the panel shows).
 */
export function FieldsSection({ fields, customLabels, granted, locked, storedCount, onChange }: Props) {
  const { t } = useT();
  const [moved, setMoved] = useState<string | undefined>();
  // A field whose Store switch was turned off, waiting for the admin to confirm the deletion.
  const [stopping, setStopping] = useState<string | undefined>();
  const all = withCustomFields(fields, customLabels);
  const label = (key: string) => (isCustomField(key) ? (customLabels[key] ?? key) : t(fieldLabelKey(key as (typeof STANDARD_FIELDS)[number]['key'])));
  const required = (key: string) => STANDARD_FIELDS.some((f) => f.key === key && f.required);
  const notGranted = (key: string) => {
    if (!granted) return false;
    const def = STANDARD_FIELDS.find((f) => f.key === key);
    const attributes = def ? def.attributes.filter((a) => a !== 'preferred_name') : isCustomField(key) ? [key] : [];
    return attributes.some((a) => !granted.has(a));
  };

  function update(key: string, change: Partial<FieldSetting>) {
    onChange(
      all.map((f) => {
        if (f.key !== key) return f;
        const next = { ...f, ...change };
        // Shown implies stored; not stored implies not shown.
        if (change.show) next.store = true;
        if (change.store === false) next.show = false;
        return next;
      }),
    );
  }

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= all.length) return;
    const next = [...all];
    const [item] = next.splice(index, 1);
    next.splice(target, 0, item!);
    setMoved(item!.key);
    onChange(next);
  }

  return (
    <section aria-labelledby="fields-heading">
      <h2 id="fields-heading">{t('fieldsHeading')}</h2>
      <p className="muted">{t('fieldsIntro')}</p>
      {locked ? <p className="managed">{t('managedByOrganisation')}</p> : null}
      <table className="fields-table">
        <thead>
          <tr>
            <th scope="col">{t('fieldColumn')}</th>
            <th scope="col">{t('storeColumn')}</th>
            <th scope="col">{t('showColumn')}</th>
            <th scope="col">{t('orderColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {all.map((f, i) => (
            <tr key={f.key} className={moved === f.key ? 'moved' : undefined}>
              <th scope="row">
                {label(f.key)}
                {notGranted(f.key) && f.store ? <span className="warning"> · {t('notGrantedShort')}</span> : null}
              </th>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('storeField', { field: label(f.key) })}
                  checked={f.store || required(f.key)}
                  disabled={locked || required(f.key)}
                  onChange={(e) => (e.target.checked || storedCount === 0 ? update(f.key, { store: e.target.checked }) : setStopping(f.key))}
                />
              </td>
              <td>
                <input type="checkbox" aria-label={t('showField', { field: label(f.key) })} checked={f.show} disabled={locked} onChange={(e) => update(f.key, { show: e.target.checked })} />
              </td>
              <td className="order">
                <button type="button" aria-label={t('moveUp', { field: label(f.key) })} disabled={locked || i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" aria-label={t('moveDown', { field: label(f.key) })} disabled={locked || i === all.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Modal open={stopping !== undefined} title={stopping ? t('storeOffTitle', { field: label(stopping) }) : ''} onCancel={() => setStopping(undefined)}>
        {stopping ? <p>{t('storeOffConfirm', { field: label(stopping), count: storedCount })}</p> : null}
        <div className="actions">
          <button type="button" data-autofocus onClick={() => setStopping(undefined)}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (stopping) update(stopping, { store: false });
              setStopping(undefined);
            }}
          >
            {t('storeOffYes')}
          </button>
        </div>
      </Modal>
    </section>
  );
}

/** Custom attributes the credential grants join the list, off by default. */
export function withCustomFields(fields: FieldSetting[], customLabels: Record<string, string>): FieldSetting[] {
  const known = new Set(fields.map((f) => f.key));
  const extra = Object.keys(customLabels)
    .filter((k) => isCustomField(k) && !known.has(k))
    .map((key): FieldSetting => ({ key: key as FieldSetting['key'], store: false, show: false }));
  return [...fields, ...extra];
}
