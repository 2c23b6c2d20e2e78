import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { wipeAll } from '@/lib/db';
import background from '@/entrypoints/background';
import { contentScriptAt, fakePort, optionsPage, panelFrame, send, settle, stubMissingApis } from './background-harness';
import { acceptedType, anyMessage, type ChannelName } from './message-arbitraries';

/**
 * The real background under WXT's fakeBrowser, fed anything from every kind of sender: it
 * never throws or leaves a rejection unhandled, answers exactly the messages its protocol
 * accepts from that sender, and leaves the rest unanswered. Not connected, so nothing may
 * reach Personio.
 */

const SENDERS: Record<string, { sender: object; channel?: ChannelName }> = {
  optionsPage: { sender: optionsPage, channel: 'page' },
  panelFrame: { sender: panelFrame },
  contentScript: { sender: contentScriptAt('https://mail.google.com/mail/u/0/#inbox/FMfcg'), channel: 'content' },
  webPage: { sender: { url: 'https://evil.example/', tab: { id: 9 }, frameId: 0 } },
};

/** Requests that change the connection or settings, or start work: each has its own tests. */
const EFFECTS = new Set(['test-connection', 'connect', 'disconnect', 'sync-now', 'save-settings', 'settings-changed']);
const withoutEffects = anyMessage.filter((raw) => !EFFECTS.has(acceptedType('page', raw) ?? ''));

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));

const fetchCalls = vi.fn(async () => Response.error());
let onConnect: ReturnType<typeof stubMissingApis>;
beforeEach(async () => {
  vi.stubGlobal('fetch', fetchCalls);
  fetchCalls.mockClear();
  await wipeAll();
  onConnect = stubMissingApis();
  background.main();
  await settle();
});
afterEach(() => void vi.unstubAllGlobals());

describe('the background, whatever it is sent', () => {
  it('answers exactly what the protocol accepts from each sender, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(SENDERS)), withoutEffects, async (kind, raw) => {
        const { sender, channel } = SENDERS[kind]!;
        const reply = await send(raw, sender);
        if (channel && acceptedType(channel, raw)) expect(reply).not.toBeUndefined();
        else expect(reply).toBeUndefined();
        expect(unhandled).toEqual([]);
      }),
      { numRuns: 60 },
    );
    await settle();
    expect(unhandled).toEqual([]);
    expect(fetchCalls).not.toHaveBeenCalled();
  });

  it('keeps a panel Port working through anything sent on it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyMessage, { maxLength: 4 }), async (messages) => {
        const port = fakePort(panelFrame);
        onConnect.fire(port);
        for (const m of messages) port.onMessage.fire(m);
        await settle();
        // Every Port is pushed its model at once, and is not closed by what it sent.
        expect(port.postMessage).toHaveBeenCalled();
        expect(port.disconnect).not.toHaveBeenCalled();
        expect(unhandled).toEqual([]);
      }),
      { numRuns: 15 },
    );
    expect(fetchCalls).not.toHaveBeenCalled();
  });
});
