import { describe, expect, it } from 'vitest';
import { normalisePersonioWebUrl, profileUrl } from './personio-web';

describe('the company’s Personio web address', () => {
  it('accepts the forms an admin types, in one spelling', () => {
    for (const typed of ['acme.personio.de', 'https://acme.personio.de', 'https://ACME.personio.de/', ' acme.personio.de/ ']) {
      expect(normalisePersonioWebUrl(typed)).toBe('https://acme.personio.de');
    }
    expect(normalisePersonioWebUrl('acme-gmbh.personio.com')).toBe('https://acme-gmbh.personio.com');
  });

  it('refuses anything that is not a Personio company address over https', () => {
    for (const typed of [
      '',
      'http://acme.personio.de',
      'https://acme.personio.de.evil.example',
      'https://personio.de',
      'https://acme.personio.de:8443',
      'https://user@acme.personio.de',
      'https://acme.personio.de/staff',
      'https://acme.personio.de/?next=https://evil.example',
      'javascript:alert(1)',
      'acme',
    ]) {
      expect(normalisePersonioWebUrl(typed), typed).toBeNull();
    }
  });

  it('links a person to their profile only when the address is set and valid', () => {
    expect(profileUrl('https://acme.personio.de', 100001)).toBe('https://acme.personio.de/staff/details/100001');
    expect(profileUrl(undefined, 100001)).toBeUndefined();
    expect(profileUrl('https://evil.example', 100001)).toBeUndefined();
    expect(profileUrl('https://acme.personio.de', -1)).toBeUndefined();
  });
});
