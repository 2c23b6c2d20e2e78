import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/I18n';
import { PersonioLinkSection } from './PersonioLinkSection';

afterEach(cleanup);

function renderSection(lang: 'en' | 'de' = 'en', personioWebUrl = '') {
  const onChange = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <PersonioLinkSection personioWebUrl={personioWebUrl} onChange={onChange} />
    </I18nProvider>,
  );
  return onChange;
}

describe('the link to Personio', () => {
  it('saves the company address in one spelling', async () => {
    const onChange = renderSection();
    await userEvent.type(screen.getByLabelText('Your Personio web address'), 'acme.personio.de{Enter}');
    expect(onChange).toHaveBeenCalledWith({ personioWebUrl: 'https://acme.personio.de' });
    expect((screen.getByLabelText('Your Personio web address') as HTMLInputElement).value).toBe('https://acme.personio.de');
  });

  it('says what is wrong with another address, and saves nothing', async () => {
    const onChange = renderSection();
    await userEvent.type(screen.getByLabelText('Your Personio web address'), 'https://personio.evil.example');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toMatch(/such as https:\/\/acme\.personio\.de/);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes the link when emptied, in German too', async () => {
    const onChange = renderSection('de', 'https://acme.personio.de');
    await userEvent.clear(screen.getByLabelText('Ihre Personio-Webadresse'));
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onChange).toHaveBeenCalledWith({ personioWebUrl: '' });
  });
});
