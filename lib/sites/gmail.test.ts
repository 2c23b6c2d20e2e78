import { describe, expect, it } from 'vitest';
import { gmail } from './gmail';
import { fixtureDocument } from '../../test/unit/sites/fixture-dom';

describe('gmail adapter on the Gmail fixture', () => {
  it('finds no conversation in the inbox list', () => {
    const doc = fixtureDocument('gmail', 'index.html', 'view-inbox');
    expect(gmail.readConversation(doc, new URL('https://mail.google.com/mail/u/0/#inbox'))).toBeNull();
  });

  it('reads the sender of the open thread and its recipients from the header', () => {
    const doc = fixtureDocument('gmail', 'index.html', 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh');
    const conversation = gmail.readConversation(doc, new URL('https://mail.google.com/mail/u/0/#inbox/x'));
    expect(conversation?.participants).toEqual([
      { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'from' },
      { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'to' },
    ]);
    expect(conversation?.key).toBe('thread-f:1790000000000000001');
  });

  it('never takes an address from the message body (the signature spoof)', () => {
    const doc = fixtureDocument('gmail', 'index.html', 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh');
    const emails = gmail.readConversation(doc, new URL('https://mail.google.com/'))?.participants.map((p) => p.email);
    expect(emails).not.toContain('lena.hoffmann@acme.example');
  });

  it('takes the sender of the last expanded message, lower-cased, with to and cc', () => {
    const doc = fixtureDocument('gmail', 'index.html', 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmj');
    const conversation = gmail.readConversation(doc, new URL('https://mail.google.com/'));
    expect(conversation?.participants[0]).toEqual({ email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'from' });
    expect(conversation?.participants.map((p) => p.email)).toEqual([
      'juergen.mueller@acme.example',
      'helpdesk@acme.example',
      'zoe.schaefer@acme.example',
    ]);
  });

  it('ignores a thread view Gmail has hidden after navigating away', () => {
    const doc = fixtureDocument('gmail', 'index.html', 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh');
    doc.querySelector('.nH.if')?.setAttribute('style', 'display: none');
    expect(gmail.readConversation(doc, new URL('https://mail.google.com/'))).toBeNull();
  });
});
