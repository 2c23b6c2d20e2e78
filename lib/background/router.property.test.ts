import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptedType, anyMessage, CHANNELS, VALID, type ChannelName } from '../../test/unit/message-arbitraries';
import { PANEL_PORT } from '../messages';
import { defaultSettings } from '../settings';
import { createRouter, type AllHandlers } from './router';
import type { BackgroundServices } from './services';

/**
 * Properties of the router: from any sender, for any message, a handler runs only for a message
 * its channel's schema accepts, from a sender allowed on that channel, and gets the parsed
 * message; everything else goes unanswered. Nothing throws or rejects unhandled.
 */

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

/** Each kind of sender, with the channel its runtime messages are read on (none: never answered). */
const SENDERS: Record<string, { sender: object; channel?: ChannelName }> = {
  options: { sender: { id: ID, url: `${ORIGIN}options.html` }, channel: 'page' },
  popup: { sender: { id: ID, url: `${ORIGIN}popup.html` }, channel: 'page' },
  panelFrame: { sender: { id: ID, url: `${ORIGIN}panel.html`, tab: { id: 5 }, frameId: 3 } },
  contentScript: { sender: { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', tab: { id: 5 }, frameId: 0 }, channel: 'content' },
  contentScriptInSubframe: { sender: { id: ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 5 }, frameId: 2 } },
  contentScriptElsewhere: { sender: { id: ID, url: 'https://mail.example.org/inbox', tab: { id: 5 }, frameId: 0 } },
  webPage: { sender: { url: 'https://evil.example/', tab: { id: 9 }, frameId: 0 } },
  otherExtension: { sender: { id: 'other', url: 'chrome-extension://other/options.html' } },
};

function spies() {
  const calls: { channel: ChannelName; type: string; message: unknown }[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(CHANNELS) as ChannelName[]).map((channel) => [
      channel,
      Object.fromEntries(Object.keys(CHANNELS[channel]).map((type) => [type, vi.fn(async (message: unknown) => (calls.push({ channel, type, message }), { answered: type }))])),
    ]),
  ) as unknown as AllHandlers;
  return { calls, handlers };
}

const services = {
  settings: { now: async () => ({ settings: defaultSettings() }) },
  panels: { attach: vi.fn(), push: vi.fn(async () => undefined) },
} as unknown as BackgroundServices;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the router, whatever arrives', () => {
  it('has a valid sample of every message type (new types join these properties)', () => {
    for (const channel of Object.keys(CHANNELS) as ChannelName[]) {
      expect(Object.keys(VALID[channel]).sort()).toEqual(Object.keys(CHANNELS[channel]).sort());
      for (const [type, message] of Object.entries(VALID[channel])) expect(acceptedType(channel, message)).toBe(type);
    }
  });

  it('runs a handler only for a message its schema accepts, from a sender allowed on its channel', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(SENDERS)), anyMessage, async (kind, raw) => {
        const { calls, handlers } = spies();
        const router = createRouter(services, handlers, { id: ID, origin: ORIGIN });
        const { sender, channel } = SENDERS[kind]!;
        const reply = await router.onMessage(raw, sender);
        const type = channel && acceptedType(channel, raw);
        if (type) {
          expect(calls).toEqual([{ channel, type, message: expect.anything() }]);
          expect(reply).toEqual({ answered: type });
        } else {
          expect(calls).toEqual([]);
          expect(reply).toBeUndefined();
        }
        await settle();
        expect(unhandled).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('on the panel Port, runs a panel handler only for a message its schema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyMessage, { maxLength: 5 }), async (messages) => {
        const { calls, handlers } = spies();
        const router = createRouter(services, handlers, { id: ID, origin: ORIGIN });
        const listeners: ((m: unknown) => void)[] = [];
        const port = { name: PANEL_PORT, sender: SENDERS.panelFrame!.sender, disconnect: vi.fn(), onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) } };
        router.onConnect(port as never);
        for (const m of messages) listeners.forEach((l) => l(m));
        await settle();
        const expected = messages.map((m) => acceptedType('panel', m)).filter((t): t is string => t !== undefined);
        expect(calls.map((c) => c.type)).toEqual(expected);
        expect(calls.every((c) => c.channel === 'panel')).toBe(true);
        expect(unhandled).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('closes a Port opened by anyone but the panel, and runs nothing for it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(SENDERS).filter((k) => k !== 'panelFrame')), fc.oneof(fc.constant(PANEL_PORT), fc.string()), async (kind, name) => {
        const { calls, handlers } = spies();
        const router = createRouter(services, handlers, { id: ID, origin: ORIGIN });
        const port = { name, sender: SENDERS[kind]!.sender, disconnect: vi.fn(), onMessage: { addListener: vi.fn() } };
        router.onConnect(port as never);
        expect(port.disconnect).toHaveBeenCalled();
        expect(port.onMessage.addListener).not.toHaveBeenCalled();
        expect(calls).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
