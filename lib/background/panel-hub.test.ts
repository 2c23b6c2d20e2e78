import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { stubMissingApis } from '../../test/unit/background-harness';
import { wipeAll } from '../db';
import { contentHandlers } from './content-handlers';
import { createServices } from './services';

const conversation = { key: 'k', participants: [{ email: 'ada@acme.example', name: 'Ada Lovelace', role: 'from' as const }] };

beforeEach(async () => {
  fakeBrowser.reset();
  stubMissingApis();
  await wipeAll();
});

describe('pages asked again once Sidecard is connected', () => {
  it('asks a page that reported while not connected, even before its panel has attached', async () => {
    // A managed deployment connects by itself at start-up, while the first pages load: the
    // page may report before the connection and its panel frame attach only after it.
    const services = createServices();
    const reply = await contentHandlers(services).requester(
      { type: 'requester', site: 'gmail', page: { status: 'found', conversation } },
      { tabId: 5, host: 'mail.google.com', snapshot: await services.settings.now() },
    );
    expect(reply).toMatchObject({ visible: true });
    await services.panels.askPagesAgain();
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(5, { type: 'report-again' });
  });

  it('no longer asks a tab that was closed', async () => {
    const services = createServices();
    await contentHandlers(services).requester(
      { type: 'requester', site: 'gmail', page: { status: 'found', conversation } },
      { tabId: 5, host: 'mail.google.com', snapshot: await services.settings.now() },
    );
    services.panels.forgetTab(5);
    await services.panels.askPagesAgain();
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
  });
});
