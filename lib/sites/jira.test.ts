import { describe, expect, it } from 'vitest';
import { jira } from './jira';
import { matchesPattern } from './match';
import { fixtureDocument } from '../../test/unit/sites/fixture-dom';

const MAIN = '#ak-main-content';
const QUEUE = 'https://acme.atlassian.net/jira/servicedesk/projects/ITSD/queues/custom/1';

function issue(key: string): Document {
  return fixtureDocument('jira', 'index.html', `view-${key}`, MAIN);
}

describe('jira adapter on the Jira Service Management fixture', () => {
  it('finds no request in the queue view', () => {
    const doc = fixtureDocument('jira', 'index.html', 'view-queue', MAIN);
    expect(jira.readConversation(doc, new URL(QUEUE))).toBeNull();
  });

  it('finds nothing before the app has rendered', () => {
    const doc = fixtureDocument('jira', 'index.html');
    expect(jira.readConversation(doc, new URL(`${QUEUE}/ITSD-101`))).toBeNull();
  });

  it('reads the reporter as requester, then the request participants, never the assignee', () => {
    const conversation = jira.readConversation(issue('ITSD-101'), new URL(`${QUEUE}/ITSD-101`));
    expect(conversation).toEqual({
      key: 'ITSD-101',
      participants: [
        { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' },
        { email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'cc' },
      ],
    });
  });

  it('never takes an address from the description or comments (the spoof)', () => {
    const doc = issue('ITSD-101');
    // The spoof is really there, as a mailto link, a tooltip and a data-email attribute.
    const description = doc.querySelector('[data-testid="issue.views.field.rich-text.description"]');
    expect(description?.innerHTML).toContain('lena.hoffmann@acme.example');
    const emails = jira.readConversation(doc, new URL(`${QUEUE}/ITSD-101`))?.participants.map((p) => p.email);
    expect(emails).not.toContain('lena.hoffmann@acme.example');
    expect(emails).not.toContain('tobias.weiss@acme.example');
  });

  it('ignores a reporter look-alike planted inside rich text', () => {
    const doc = issue('ITSD-101');
    doc.querySelector('[data-testid="issue.views.field.user.reporter"]')?.remove();
    const forged = doc.createElement('div');
    forged.setAttribute('data-testid', 'issue.views.field.user.reporter');
    forged.innerHTML = '<span title="lena.hoffmann@acme.example">Lena Hoffmann</span>';
    doc.querySelector('.ak-renderer-document')?.append(forged);
    expect(jira.readConversation(doc, new URL(`${QUEUE}/ITSD-101`))).toBeNull();
  });

  it('reads the second request, lower-cased, from /browse/ too', () => {
    const conversation = jira.readConversation(issue('ITSD-102'), new URL('https://acme.atlassian.net/browse/ITSD-102'));
    expect(conversation?.key).toBe('ITSD-102');
    expect(conversation?.participants).toEqual([
      { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'requester' },
      { email: 'zoe.schaefer@acme.example', name: 'Zoë Schäfer', role: 'cc' },
      { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'cc' },
    ]);
  });

  it('reads an outside reporter', () => {
    const conversation = jira.readConversation(issue('ITSD-103'), new URL(`${QUEUE}/ITSD-103`));
    expect(conversation?.participants).toEqual([{ email: 'pat.nguyen@customer.example', name: 'Pat Nguyen', role: 'requester' }]);
  });

  it('accepts the email as a mailto link or data-email where the tooltip is absent', () => {
    const doc = issue('ITSD-101');
    const name = doc.querySelector('[data-testid="issue.views.field.user.reporter.name.wrapper"] [title]');
    name?.removeAttribute('title');
    name?.setAttribute('data-email', 'Ada.Lovelace@acme.example');
    expect(jira.readConversation(doc, new URL(`${QUEUE}/ITSD-101`))?.participants[0]?.email).toBe('ada.lovelace@acme.example');
    name?.removeAttribute('data-email');
    name?.insertAdjacentHTML('afterend', '<a href="mailto:ada.lovelace%40acme.example?subject=ITSD-101">mail</a>');
    expect(jira.readConversation(doc, new URL(`${QUEUE}/ITSD-101`))?.participants[0]?.email).toBe('ada.lovelace@acme.example');
  });

  describe('with an issue modal open over the queue issue (two issue views)', () => {
    function twoViews(): Document {
      const doc = issue('ITSD-101');
      const modal = doc.createElement('div');
      modal.setAttribute('role', 'dialog');
      modal.className = 'atlaskit-portal';
      const template = doc.getElementById('view-ITSD-102') as HTMLTemplateElement;
      modal.append(template.content.cloneNode(true));
      doc.body.append(modal);
      return doc;
    }

    it('takes the issue the URL names', () => {
      const doc = twoViews();
      expect(jira.readConversation(doc, new URL(`${QUEUE}/ITSD-101`))?.participants[0]?.email).toBe('ada.lovelace@acme.example');
      expect(jira.readConversation(doc, new URL(`${QUEUE}/ITSD-101?selectedIssue=ITSD-102`))?.participants[0]?.email).toBe(
        'juergen.mueller@acme.example',
      );
    });

    it('otherwise the one opened last, and never mixes one view’s reporter into the other', () => {
      const doc = twoViews();
      const conversation = jira.readConversation(doc, new URL(QUEUE));
      expect(conversation?.key).toBe('ITSD-102');
      expect(conversation?.participants[0]?.email).toBe('juergen.mueller@acme.example');
      // The modal's issue has no reporter field: its key must not borrow the queue issue's reporter.
      doc.querySelector('[role="dialog"] [data-testid="issue.views.field.user.reporter"]')?.remove();
      expect(jira.readConversation(doc, new URL(QUEUE))).toBeNull();
    });
  });

  it('reads "Raised by" and "Shared with" on the customer portal', () => {
    const doc = fixtureDocument('jira', 'index.html', 'view-portal-ITSD-101', MAIN);
    const conversation = jira.readConversation(doc, new URL('https://acme.atlassian.net/servicedesk/customer/portal/2/ITSD-101'));
    expect(conversation).toEqual({
      key: 'ITSD-101',
      participants: [
        { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' },
        { email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'cc' },
      ],
    });
  });

  it('covers Jira Service Management on Atlassian cloud sites, not Confluence or the rest of Jira', () => {
    const covers = (url: string) => jira.matches.some((p) => matchesPattern(p, new URL(url)));
    expect(covers(`${QUEUE}/ITSD-101`)).toBe(true);
    expect(covers('https://acme.atlassian.net/browse/ITSD-102')).toBe(true);
    expect(covers('https://acme.atlassian.net/servicedesk/customer/portal/2/ITSD-101')).toBe(true);
    expect(covers('https://acme.atlassian.net/wiki/spaces/HR/overview')).toBe(false);
    expect(covers('https://acme.atlassian.net/jira/software/projects/APP/boards/1')).toBe(false);
  });
});
