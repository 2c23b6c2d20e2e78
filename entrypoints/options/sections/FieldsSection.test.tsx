import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/I18n';
import { defaultFieldSettings, type FieldSetting } from '@/lib/fields';
import { FieldsSection } from './FieldsSection';

afterEach(cleanup);

/** The section as the page uses it: what it saves comes back as its fields. */
function Page({ storedCount, onSave, lang = 'en' }: { storedCount: number; onSave: (fields: FieldSetting[]) => void; lang?: 'en' | 'de' }) {
  const [fields, setFields] = useState(defaultFieldSettings());
  return (
    <I18nProvider lang={lang}>
      <FieldsSection
        fields={fields}
        customLabels={{}}
        locked={false}
        storedCount={storedCount}
        onChange={(next) => {
          onSave(next);
          setFields(next);
        }}
      />
    </I18nProvider>
  );
}

const setting = (fields: FieldSetting[], key: string) => fields.find((f) => f.key === key);

describe('turning Store off for a field', () => {
  it('asks first, naming the field and how many people it touches; Cancel leaves the switch on', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Page storedCount={539} onSave={onSave} />);
    const store = screen.getByRole('checkbox', { name: 'Store Position' });
    expect((store as HTMLInputElement).checked).toBe(true);
    await user.click(store);
    const dialog = screen.getByRole('dialog', { name: 'Stop storing “Position”?' });
    expect(dialog.textContent).toContain('Sidecard deletes “Position” of the 539 people stored in this browser now.');
    // The safe answer has the focus.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dialog.hasAttribute('open')).toBe(false);
    expect((store as HTMLInputElement).checked).toBe(true);
    expect(onSave).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(store);
  });

  it('Escape cancels too', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Page storedCount={3} onSave={onSave} />);
    await user.click(screen.getByRole('checkbox', { name: 'Store Team' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'Store Team' }) as HTMLInputElement).checked).toBe(true);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('confirmed, stops storing and showing the field', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Page storedCount={1} onSave={onSave} />);
    await user.click(screen.getByRole('checkbox', { name: 'Store Position' }));
    expect(screen.getByRole('dialog').textContent).toContain('of the 1 person stored');
    await user.click(screen.getByRole('button', { name: 'Stop storing and delete' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(setting(onSave.mock.calls[0]![0] as FieldSetting[], 'position')).toMatchObject({ store: false, show: false });
    expect((screen.getByRole('checkbox', { name: 'Store Position' }) as HTMLInputElement).checked).toBe(false);
  });

  it('asks nothing when nobody is stored, nor when turning Store on', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Page storedCount={0} onSave={onSave} />);
    await user.click(screen.getByRole('checkbox', { name: 'Store Position' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Store Position' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onSave.mock.calls.map((c) => setting(c[0] as FieldSetting[], 'position')?.store)).toEqual([false, true]);
  });

  it('asks in German', async () => {
    const user = userEvent.setup();
    render(<Page storedCount={12} onSave={vi.fn()} lang="de" />);
    await user.click(screen.getByRole('checkbox', { name: 'Position speichern' }));
    expect(screen.getByRole('dialog', { name: '„Position“ nicht mehr speichern?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
  });
});
