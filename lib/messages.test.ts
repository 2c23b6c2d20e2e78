import { describe, expect, it, vi } from 'vitest';
import { contentRequests, dispatch, pageRequests, panelMessages, parseMessage, type Handlers, type PanelMessages } from './messages';

describe('message protocol', () => {
  it('accepts a well-formed requester message', () => {
    const msg = { type: 'requester', site: 'gmail', page: { status: 'found', conversation: { key: 'k', participants: [{ email: 'ada@acme.example', role: 'from' }] } } };
    expect(parseMessage(contentRequests, msg)).toEqual(msg);
  });

  it('accepts every page status, and someone shown by name only', () => {
    for (const page of [
      { status: 'none' },
      { status: 'reading', key: 'k' },
      { status: 'unreadable', key: 'k', failed: 'span.gD[email] (sender)' },
      { status: 'found', conversation: { key: 'k', participants: [{ name: 'Jürgen Müller', role: 'from' }] } },
      { status: 'found', conversation: { key: 'k', participants: [{ name: 'Jürgen Müller', role: 'requester', addressHidden: true }] } },
    ]) {
      expect(parseMessage(contentRequests, { type: 'requester', site: 'jira', page })).toEqual({ type: 'requester', site: 'jira', page });
    }
  });

  it('drops malformed or oversized payloads', () => {
    const requester = (conversation: unknown) => ({ type: 'requester', site: 'gmail', page: { status: 'found', conversation } });
    expect(parseMessage(contentRequests, requester({ key: 'k', participants: [{ email: 'not-an-email', role: 'from' }] }))).toBeUndefined();
    const many = Array.from({ length: 51 }, (_, i) => ({ email: `p${i}@acme.example`, role: 'cc' }));
    expect(parseMessage(contentRequests, requester({ key: 'k', participants: many }))).toBeUndefined();
    // Found means someone: an empty list, a nameless participant, an unknown status are refused.
    expect(parseMessage(contentRequests, requester({ key: 'k', participants: [] }))).toBeUndefined();
    expect(parseMessage(contentRequests, requester({ key: 'k', participants: [{ role: 'from' }] }))).toBeUndefined();
    expect(parseMessage(contentRequests, { type: 'requester', site: 'gmail', page: { status: 'lost' } })).toBeUndefined();
    expect(parseMessage(contentRequests, { type: 'requester', site: 'gmail', conversation: null })).toBeUndefined();
    expect(parseMessage(pageRequests, { type: 'connect', credentials: { baseUrl: 'javascript:alert(1)', clientId: '' } })).toBeUndefined();
    expect(parseMessage(pageRequests, { type: 'drop-tables' })).toBeUndefined();
    expect(parseMessage(panelMessages, { type: 'open-person', id: 'x' })).toBeUndefined();
  });

  it('takes a message only on its own channel', () => {
    expect(parseMessage(panelMessages, { type: 'back' })).toEqual({ type: 'back' });
    expect(parseMessage(pageRequests, { type: 'back' })).toBeUndefined();
    expect(parseMessage(contentRequests, { type: 'status' })).toBeUndefined();
  });

  it('never reaches the prototype through the type name', () => {
    for (const type of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      expect(parseMessage(pageRequests, { type })).toBeUndefined();
    }
    expect(parseMessage(pageRequests, null)).toBeUndefined();
    expect(parseMessage(pageRequests, 'status')).toBeUndefined();
  });

  it('dispatches each message to its own handler with its context', async () => {
    const back = vi.fn(async () => undefined);
    const handlers: Handlers<PanelMessages, { tabId: number }> = {
      select: vi.fn(async () => undefined),
      'open-person': vi.fn(async () => undefined),
      back,
      'retry-balance': vi.fn(async () => undefined),
      search: vi.fn(async () => undefined),
      collapse: vi.fn(async () => undefined),
      wider: vi.fn(async () => undefined),
      'open-options': vi.fn(async () => undefined),
    };
    await dispatch(handlers, { type: 'back' }, { tabId: 7 });
    expect(back).toHaveBeenCalledWith({ type: 'back' }, { tabId: 7 });
    expect(handlers.select).not.toHaveBeenCalled();
  });

  it('makes a missing handler a compile error', () => {
    // @ts-expect-error: every panel message needs its handler (tsc fails here if one may be left out)
    const incomplete: Handlers<PanelMessages, void> = { back: async () => undefined };
    expect(Object.keys(incomplete)).toEqual(['back']);
  });
});
