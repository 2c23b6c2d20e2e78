import { describe, expect, it } from 'vitest';
import { pageRequestSchema, panelToBackgroundSchema, requesterMessageSchema } from './messages';

describe('message protocol', () => {
  it('accepts a well-formed requester message', () => {
    const msg = { type: 'requester', site: 'gmail', conversation: { key: 'k', participants: [{ email: 'ada@acme.example', role: 'from' }] } };
    expect(requesterMessageSchema.safeParse(msg).success).toBe(true);
  });
  it('drops malformed or oversized payloads', () => {
    expect(requesterMessageSchema.safeParse({ type: 'requester', site: 'gmail', conversation: { key: 'k', participants: [{ email: 'not-an-email', role: 'from' }] } }).success).toBe(false);
    const many = Array.from({ length: 51 }, (_, i) => ({ email: `p${i}@acme.example`, role: 'cc' }));
    expect(requesterMessageSchema.safeParse({ type: 'requester', site: 'gmail', conversation: { key: 'k', participants: many } }).success).toBe(false);
    expect(pageRequestSchema.safeParse({ type: 'connect', credentials: { baseUrl: 'javascript:alert(1)', clientId: '' } }).success).toBe(false);
    expect(pageRequestSchema.safeParse({ type: 'drop-tables' }).success).toBe(false);
    expect(panelToBackgroundSchema.safeParse({ type: 'open-person', id: 'x' }).success).toBe(false);
  });
});
