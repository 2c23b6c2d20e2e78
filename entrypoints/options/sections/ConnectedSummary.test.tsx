import { act, cleanup, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/I18n';
import { defaultFieldSettings } from '@/lib/fields';
import { formatDateTime, formatTime } from '@/lib/format';
import type { StatusReply } from '@/lib/status';
import type { Population } from '@/lib/sync/population';
import { ConnectedSummary } from './ConnectedSummary';
import { FiltersSection } from './FiltersSection';

afterEach(cleanup);

// 600 people in Personio: 560 active, 40 inactive.
const population: Population = {
  groups: [
    { status: 'active', departmentId: 1, count: 500 },
    { status: 'active', departmentId: 2, count: 60 },
    { status: 'inactive', departmentId: 1, count: 40 },
  ],
  departments: { 1: 'Engineering', 2: 'Support' },
  subcompanies: {},
};

const now = new Date(2026, 9, 14, 11, 5).getTime();
const lastSync = new Date(2026, 9, 14, 10, 42).getTime();

function status(over: Partial<StatusReply> = {}): StatusReply {
  return {
    connected: true,
    clientId: 'papi-1',
    secretHint: 'x7Qz',
    baseUrl: 'https://api.personio.de',
    employeeCount: 539,
    lastSuccessAt: lastSync,
    stale: false,
    running: null,
    log: [],
    settings: {
      fields: defaultFieldSettings(),
      filters: { statuses: ['active'], subcompanyIds: [], departmentIds: [] },
      intervalMinutes: 15,
      disabledSites: [],
      language: 'auto',
      customDomains: [],
      tenants: [],
      personioWebUrl: '',
      leaverMonths: 12,
    },
    locked: [],
    population,
    ...over,
  } as StatusReply;
}

/** The summary's first line, as read aloud: its parts are wrapped one by one. */
const line = () => document.querySelector('.summary-line')?.textContent;

function renderSummary(s: StatusReply, lang: 'en' | 'de' = 'en', at = now) {
  render(
    <I18nProvider lang={lang}>
      <ConnectedSummary status={s} now={at} />
    </I18nProvider>,
  );
}

describe('the connection at a glance', () => {
  it('says connected, how many of everyone are synced, and when, then what the two numbers mean', () => {
    renderSummary(status());
    expect(line()).toBe(`Connected to Personio · 539 of 600 people synced · last sync ${formatTime(lastSync, 'en')}`);
    expect(screen.getByText(/^600 is everyone in Personio\. 539 is whom this browser keeps: the people your filters/)).toBeTruthy();
  });

  it('gives the date when the last sync was not today, and says when the first is still running', () => {
    renderSummary(status(), 'en', now + 3 * 86_400_000);
    expect(line()).toBe(`Connected to Personio · 539 of 600 people synced · last sync ${formatDateTime(lastSync, 'en')}`);
    cleanup();
    const { lastSuccessAt: _, ...first } = status({ employeeCount: 0 });
    renderSummary({ ...first, population: undefined } as unknown as StatusReply);
    expect(line()).toBe('Connected to Personio · 0 people synced · first sync under way');
  });

  it('counts up with a first sync under way, ahead of the status it was given', async () => {
    const { lastSuccessAt: _, ...first } = status({ employeeCount: 838 });
    renderSummary({ ...first, population: undefined } as unknown as StatusReply);
    expect(line()).toBe('Connected to Personio · 838 people synced · first sync under way');
    const broadcast = (stage: string, rows: number) =>
      act(async () => {
        await Promise.all(await fakeBrowser.runtime.onMessage.trigger({ type: 'sync-progress', progress: { stage, kind: 'full', pagesDone: rows / 100, totalPages: 200, rows } }, {}, () => undefined));
      });
    await broadcast('employees', 11_200);
    expect(line()).toBe('Connected to Personio · 11,200 people synced · first sync under way');
    // Once the run is over, the status's own count (asked again at its end) is the word.
    await broadcast('done', 20_000);
    expect(line()).toBe('Connected to Personio · 838 people synced · first sync under way');
  });

  it('speaks German', () => {
    renderSummary(status(), 'de');
    expect(line()).toBe(`Mit Personio verbunden · 539 von 600 Personen synchronisiert · letzte Synchronisierung ${formatTime(lastSync, 'de')}`);
    expect(screen.getByText(/^600 sind alle Personen in Personio\./)).toBeTruthy();
  });
});

describe('who is synced', () => {
  it('says how many of everyone the filters keep, and counts each choice', () => {
    const s = status();
    render(
      <I18nProvider lang="en">
        <FiltersSection filters={s.settings.filters} population={population} locked={{ statuses: false, subcompanies: false, departments: false }} onChange={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('These filters keep 560 of 600 people.');
    expect(screen.getByRole('checkbox', { name: /Inactive/ }).parentElement?.textContent).toContain('(40)');
  });
});
