import { describe, expect, it } from 'vitest';
import { jira } from './jira';
import { matchesPattern } from './match';
import { SiteApiError } from './types';
import { conversationIn, fixtureDocument, viaApi } from '../../test/unit/sites/fixture-dom';
import { fixtureFile } from '../../test/fixtures/sites/scenario';

const MAIN = '#ak-main-content';
const HOST = 'https://acme.atlassian.net';
const QUEUE = `${HOST}/jira/servicedesk/projects/ITSD/queues/custom/1`;
const CURRENT_ISSUE = '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]';
const REPORTER = '[data-testid="issue.views.field.user.reporter"]';

function issue(key: string): Document {
  return fixtureDocument('jira', 'index.html', `view-${key}`, MAIN);
}

const read = (doc: Document, url: string) => jira.read(doc, new URL(url));

describe('jira adapter on the Jira Service Management fixture', () => {
  it('finds no request in the queue view', () => {
    expect(read(fixtureDocument('jira', 'index.html', 'view-queue', MAIN), QUEUE)).toEqual({ status: 'none' });
  });

  it('is reading while the issue the URL names has not rendered', () => {
    expect(read(fixtureDocument('jira', 'index.html'), `${QUEUE}/ITSD-101`)).toEqual({ status: 'reading', key: 'ITSD-101', waitingFor: `${CURRENT_ISSUE} for ITSD-101` });
    // The URL has moved on; the previous issue is still on screen.
    expect(read(issue('ITSD-101'), `${QUEUE}/ITSD-102`)).toEqual({ status: 'reading', key: 'ITSD-102', waitingFor: `${CURRENT_ISSUE} for ITSD-102` });
  });

  it('is reading while the issue view has no Reporter field yet', () => {
    const doc = issue('ITSD-101');
    doc.querySelector(REPORTER)?.remove();
    expect(read(doc, `${QUEUE}/ITSD-101`)).toEqual({ status: 'reading', key: 'ITSD-101', waitingFor: REPORTER });
  });

  it('reads the reporter as the requester by the name it shows (the issue view shows no address), never the assignee', () => {
    expect(read(issue('ITSD-101'), `${QUEUE}/ITSD-101`)).toEqual({
      status: 'found',
      conversation: { key: 'ITSD-101', participants: [{ name: 'Ada Lovelace', role: 'requester' }] },
    });
  });

  it('is unreadable when the Reporter field shows no one', () => {
    const doc = issue('ITSD-101');
    doc.querySelector(`${REPORTER} [data-testid$=".name.wrapper"]`)?.replaceChildren();
    expect(read(doc, `${QUEUE}/ITSD-101`)).toEqual({ status: 'unreadable', key: 'ITSD-101', failed: `${REPORTER} shows no name` });
  });

  it('takes the name from the field’s last text span when the name wrapper is renamed', () => {
    const doc = issue('ITSD-103');
    doc.querySelector('[data-testid="issue.views.field.user.reporter.name.wrapper"]')?.removeAttribute('data-testid');
    expect(conversationIn(read(doc, `${QUEUE}/ITSD-103`))?.participants).toEqual([{ name: 'Pat Nguyen', role: 'requester' }]);
  });

  it('never takes an address from the description or comments (the spoof)', () => {
    const doc = issue('ITSD-101');
    // The spoof is really there, as a mailto link, a tooltip and a data-email attribute.
    expect(doc.querySelector('[data-testid="issue.views.field.rich-text.description"]')?.innerHTML).toContain('lena.hoffmann@acme.example');
    const people = conversationIn(read(doc, `${QUEUE}/ITSD-101`))?.participants;
    expect(JSON.stringify(people)).not.toMatch(/lena|Hoffmann|Tobias/);
  });

  it('ignores a reporter look-alike planted inside rich text', () => {
    const doc = issue('ITSD-101');
    doc.querySelector(REPORTER)?.remove();
    const forged = doc.createElement('div');
    forged.setAttribute('data-testid', 'issue.views.field.user.reporter');
    forged.innerHTML = '<span title="lena.hoffmann@acme.example">Lena Hoffmann</span>';
    doc.querySelector('.ak-renderer-document')?.append(forged);
    expect(read(doc, `${QUEUE}/ITSD-101`)).toEqual({ status: 'reading', key: 'ITSD-101', waitingFor: REPORTER });
  });

  it('reads the second request from /browse/ too', () => {
    expect(conversationIn(read(issue('ITSD-102'), `${HOST}/browse/ITSD-102`))).toEqual({ key: 'ITSD-102', participants: [{ name: 'Jürgen Müller', role: 'requester' }] });
  });

  it('takes an address where a user field carries one (tooltip, data-email, mailto), lower-cased, and request participants by address', () => {
    const doc = issue('ITSD-101');
    const url = `${QUEUE}/ITSD-101`;
    const name = doc.querySelector('[data-testid="issue.views.field.user.reporter.name.wrapper"] ._1reo15vq > span');
    name?.setAttribute('title', 'Ada.Lovelace@acme.example');
    doc.querySelector('[data-testid="issue.views.field.user.request-participants"] ._1reo15vq > span')?.setAttribute('title', 'grace.hopper@acme.example');
    expect(conversationIn(read(doc, url))?.participants).toEqual([
      { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' },
      { email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'cc' },
    ]);
    name?.removeAttribute('title');
    name?.setAttribute('data-email', 'ada.lovelace@acme.example');
    expect(conversationIn(read(doc, url))?.participants[0]?.email).toBe('ada.lovelace@acme.example');
    name?.removeAttribute('data-email');
    name?.insertAdjacentHTML('afterend', '<a href="mailto:ada.lovelace%40acme.example?subject=ITSD-101">mail</a>');
    expect(conversationIn(read(doc, url))?.participants[0]?.email).toBe('ada.lovelace@acme.example');
  });

  describe('with an issue modal open over the queue issue (two issue views)', () => {
    function twoViews(): Document {
      const doc = issue('ITSD-101');
      const modal = doc.createElement('div');
      modal.setAttribute('role', 'dialog');
      const template = doc.getElementById('view-ITSD-102') as HTMLTemplateElement;
      modal.append(template.content.cloneNode(true));
      doc.body.append(modal);
      return doc;
    }
    const requesterOf = (doc: Document, url: string) => conversationIn(read(doc, url))?.participants[0]?.name;

    it('takes the issue the URL names', () => {
      const doc = twoViews();
      expect(requesterOf(doc, `${QUEUE}/ITSD-101`)).toBe('Ada Lovelace');
      expect(requesterOf(doc, `${QUEUE}/ITSD-101?selectedIssue=ITSD-102`)).toBe('Jürgen Müller');
    });

    it('otherwise the one opened last, and never mixes one view’s reporter into the other', () => {
      const doc = twoViews();
      expect(requesterOf(doc, QUEUE)).toBe('Jürgen Müller');
      // The modal's issue has no reporter field: its key must not borrow the queue issue's reporter.
      doc.querySelector(`[role="dialog"] ${REPORTER}`)?.remove();
      expect(read(doc, QUEUE)).toEqual({ status: 'reading', key: 'ITSD-102', waitingFor: REPORTER });
    });
  });

  describe('the customer portal (unconfirmed test ids)', () => {
    const PORTAL = `${HOST}/servicedesk/customer/portal/2`;
    const portal = () => fixtureDocument('jira', 'index.html', 'view-portal-ITSD-101', MAIN);

    it('reads "Raised by" by name; "Shared with" only by address', () => {
      expect(read(portal(), `${PORTAL}/ITSD-101`)).toEqual({ status: 'found', conversation: { key: 'ITSD-101', participants: [{ name: 'Ada Lovelace', role: 'requester' }] } });
    });

    it('is reading until the request the URL names is shown, and none on the portal home', () => {
      const waiting = '[data-testid="request-details.ui.request-details"]';
      expect(read(fixtureDocument('jira', 'index.html'), `${PORTAL}/ITSD-101`)).toEqual({ status: 'reading', key: 'ITSD-101', waitingFor: `${waiting} for ITSD-101` });
      expect(read(portal(), `${PORTAL}/ITSD-102`)).toEqual({ status: 'reading', key: 'ITSD-102', waitingFor: `${waiting} for ITSD-102` });
      expect(read(portal(), PORTAL)).toEqual({ status: 'none' });
    });
  });

  it('names the issue from every URL form, and nothing else', () => {
    const key = (url: string) => jira.api?.keyFromUrl(new URL(url));
    expect(key(`${HOST}/browse/ITSD-7`)).toBe('ITSD-7');
    expect(key(`${QUEUE}/ITSD-101`)).toBe('ITSD-101');
    expect(key(`${QUEUE}?selectedIssue=ITSD-102`)).toBe('ITSD-102');
    expect(key(`${HOST}/servicedesk/customer/portal/2/ITSD-101`)).toBe('ITSD-101');
    expect(key(QUEUE)).toBeNull();
    expect(key(`${HOST}/jira/servicedesk/projects/ITSD`)).toBeNull();
    expect(key(`${QUEUE}?selectedIssue=../../x`)).toBeNull();
  });

  it('covers Jira Service Management on Atlassian cloud sites, not Confluence or the rest of Jira', () => {
    const covers = (url: string) => jira.matches.some((p) => matchesPattern(p, new URL(url)));
    expect(covers(`${QUEUE}/ITSD-101`)).toBe(true);
    expect(covers(`${HOST}/browse/ITSD-102`)).toBe(true);
    expect(covers(`${HOST}/servicedesk/customer/portal/2/ITSD-101`)).toBe(true);
    expect(covers(`${HOST}/wiki/spaces/HR/overview`)).toBe(false);
    expect(covers(`${HOST}/jira/software/projects/APP/boards/1`)).toBe(false);
  });
});

describe('jira adapter asking Atlassian’s REST API', () => {
  const fixture = (file: string): unknown => JSON.parse(fixtureFile('jira', file));
  type Answer = unknown | SiteApiError;
  /** A fake same-origin API: path (without its query) → answer; anything else is a 404, as Jira answers. */
  function api(answers: Record<string, Answer>) {
    const asked: string[] = [];
    const fetchJson = async (path: string): Promise<unknown> => {
      asked.push(path);
      const answer = answers[path.split('?')[0]!];
      if (answer === undefined) throw new SiteApiError(404);
      if (answer instanceof SiteApiError) throw answer;
      return structuredClone(answer);
    };
    return { asked, ask: (url: string) => viaApi(jira, new URL(url), fetchJson) };
  }
  const REQUEST = '/rest/servicedeskapi/request';
  const ISSUE = '/rest/api/3/issue';
  const hidden = fixture('api-request-ITSD-104.json') as { reporter: Record<string, unknown> };

  it('reads the reporter’s address and the participants expanded in the request (one call)', async () => {
    const { asked, ask } = api({ [`${REQUEST}/ITSD-101`]: fixture('api-request-ITSD-101.json') });
    expect(await ask(`${QUEUE}/ITSD-101`)).toEqual([
      { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' },
      { name: 'Grace Hopper', role: 'cc', addressHidden: true },
    ]);
    expect(asked).toEqual([`${REQUEST}/ITSD-101?expand=participant`]);
  });

  it('asks the participants endpoint when the request has none expanded, and lower-cases addresses', async () => {
    const { asked, ask } = api({ [`${REQUEST}/ITSD-102`]: fixture('api-request-ITSD-102.json'), [`${REQUEST}/ITSD-102/participant`]: fixture('api-participants-ITSD-102.json') });
    expect(await ask(`${HOST}/browse/ITSD-102`)).toEqual([
      { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'requester' },
      { email: 'zoe.schaefer@acme.example', name: 'Zoë Schäfer', role: 'cc' },
      { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'cc' },
    ]);
    expect(asked).toEqual([`${REQUEST}/ITSD-102?expand=participant`, `${REQUEST}/ITSD-102/participant`]);
  });

  it('keeps the reporter when the participants endpoint fails', async () => {
    const { ask } = api({ [`${REQUEST}/ITSD-102`]: fixture('api-request-ITSD-102.json'), [`${REQUEST}/ITSD-102/participant`]: new SiteApiError(403) });
    expect(await ask(`${HOST}/browse/ITSD-102`)).toEqual([{ email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'requester' }]);
  });

  it('falls back to the platform issue’s reporter when the request endpoint has no answer', async () => {
    const { asked, ask } = api({ [`${ISSUE}/ITSD-103`]: fixture('api-issue-ITSD-103.json') });
    expect(await ask(`${QUEUE}/ITSD-103`)).toEqual([{ email: 'pat.nguyen@customer.example', name: 'Pat Nguyen', role: 'requester' }]);
    expect(asked).toEqual([`${REQUEST}/ITSD-103?expand=participant`, `${ISSUE}/ITSD-103?fields=reporter`]);
  });

  it('reports a reporter whose address the privacy settings hide by name, marked hidden (address absent or null)', async () => {
    const { ask } = api({ [`${REQUEST}/ITSD-104`]: fixture('api-request-ITSD-104.json') });
    expect(await ask(`${QUEUE}/ITSD-104`)).toEqual([{ name: 'Grace Hopper', role: 'requester', addressHidden: true }]);
    const withNull = { ...(fixture('api-request-ITSD-104.json') as object), reporter: { ...hidden.reporter, emailAddress: null } };
    expect(await api({ [`${REQUEST}/ITSD-104`]: withNull }).ask(`${QUEUE}/ITSD-104`)).toEqual([{ name: 'Grace Hopper', role: 'requester', addressHidden: true }]);
    const platform = { key: 'ITSD-104', fields: { reporter: { accountId: 'x1', displayName: 'Grace Hopper', active: true } } };
    expect(await api({ [`${ISSUE}/ITSD-104`]: platform }).ask(`${QUEUE}/ITSD-104`)).toEqual([{ name: 'Grace Hopper', role: 'requester', addressHidden: true }]);
  });

  it('has no answer about another issue than the one asked', async () => {
    const other = fixture('api-request-ITSD-101.json');
    const platform = { ...(fixture('api-issue-ITSD-103.json') as object), key: 'ITSD-101' };
    expect(await api({ [`${REQUEST}/ITSD-103`]: other, [`${ISSUE}/ITSD-103`]: platform }).ask(`${QUEUE}/ITSD-103`)).toBeNull();
  });

  it.each([
    ['not an object', ['ITSD-104']],
    ['no reporter', { issueKey: 'ITSD-104' }],
    ['a reporter without accountId', { issueKey: 'ITSD-104', reporter: { displayName: 'Grace Hopper', emailAddress: 'grace.hopper@acme.example' } }],
    ['an address that is no address', { issueKey: 'ITSD-104', reporter: { ...hidden.reporter, emailAddress: 'Grace Hopper' } }],
    ['an address of the wrong type', { issueKey: 'ITSD-104', reporter: { ...hidden.reporter, emailAddress: ['grace.hopper@acme.example'] } }],
    ['neither address nor name', { issueKey: 'ITSD-104', reporter: { accountId: 'x1', displayName: 42 } }],
    ['a name that holds an address', { issueKey: 'ITSD-104', reporter: { accountId: 'x1', displayName: 'lena.hoffmann@acme.example' } }],
  ])('has no answer from a malformed request (%s)', async (_case, answer) => {
    expect(await api({ [`${REQUEST}/ITSD-104`]: answer }).ask(`${QUEUE}/ITSD-104`)).toBeNull();
  });

  it('skips malformed participants and keeps the rest', async () => {
    const answer = { issueKey: 'ITSD-104', reporter: hidden.reporter, participants: { values: [null, { displayName: 'No Account' }, { accountId: 'x2', emailAddress: 'Zoe.Schaefer@acme.example', displayName: 'Zoë Schäfer' }] } };
    expect(await api({ [`${REQUEST}/ITSD-104`]: answer }).ask(`${QUEUE}/ITSD-104`)).toEqual([
      { name: 'Grace Hopper', role: 'requester', addressHidden: true },
      { email: 'zoe.schaefer@acme.example', name: 'Zoë Schäfer', role: 'cc' },
    ]);
  });

  it('rethrows a 429 from any call (the watcher backs off), and has no answer after other errors', async () => {
    const limited = new SiteApiError(429, 30_000);
    await expect(api({ [`${REQUEST}/ITSD-101`]: limited }).ask(`${QUEUE}/ITSD-101`)).rejects.toBe(limited);
    await expect(api({ [`${REQUEST}/ITSD-101`]: new SiteApiError(404), [`${ISSUE}/ITSD-101`]: limited }).ask(`${QUEUE}/ITSD-101`)).rejects.toBe(limited);
    const noParticipants = fixture('api-request-ITSD-102.json');
    await expect(api({ [`${REQUEST}/ITSD-102`]: noParticipants, [`${REQUEST}/ITSD-102/participant`]: limited }).ask(`${QUEUE}/ITSD-102`)).rejects.toBe(limited);
    expect(await api({ [`${REQUEST}/ITSD-101`]: new SiteApiError(403), [`${ISSUE}/ITSD-101`]: new SiteApiError(500) }).ask(`${QUEUE}/ITSD-101`)).toBeNull();
  });

  it('asks nothing for a URL that names no issue, or for a key that is none', async () => {
    const { asked, ask } = api({});
    expect(await ask(QUEUE)).toBeNull();
    expect(await jira.api?.participants('../../admin', async (p) => (asked.push(p), {}), new AbortController().signal)).toBeNull();
    expect(asked).toEqual([]);
  });
});
