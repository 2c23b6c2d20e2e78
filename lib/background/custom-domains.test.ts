import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings';
import { planCustomDomains } from './custom-domains';

const settings = { ...defaultSettings(), customDomains: [{ host: 'help.acme.example', site: 'jira' }, { host: 'mail.acme.example', site: 'outlook' }] };

describe('custom domain registrations', () => {
  it('registers every wanted domain not yet registered with the current script', () => {
    const { stale, wanted } = planCustomDomains(settings, [{ id: 'custom-help.acme.example', js: ['content-jira.js'] }]);
    expect(stale).toEqual([]);
    expect([...wanted.keys()]).toEqual(['custom-mail.acme.example']);
  });

  it("drops domains no longer wanted and an older build's registrations, leaving others' alone", () => {
    const { stale, wanted } = planCustomDomains(settings, [
      { id: 'custom-old.acme.example', js: ['content-jira.js'] },
      { id: 'custom-help.acme.example', js: ['content-script.js'] },
      { id: 'something-else', js: ['x.js'] },
    ]);
    expect(stale).toEqual(['custom-old.acme.example', 'custom-help.acme.example']);
    expect([...wanted.keys()]).toEqual(['custom-help.acme.example', 'custom-mail.acme.example']);
  });

  it('registers a domain again when the admin changes which site it is, and never for a site this build lacks', () => {
    const changed = { ...settings, customDomains: [{ host: 'help.acme.example', site: 'zendesk' }, { host: 'odd.acme.example', site: 'no-such-site' }] };
    const { stale, wanted } = planCustomDomains(changed, [{ id: 'custom-help.acme.example', js: ['content-jira.js'] }]);
    expect(stale).toEqual(['custom-help.acme.example']);
    expect([...wanted.entries()]).toEqual([['custom-help.acme.example', { host: 'help.acme.example', site: 'zendesk' }]]);
  });
});
