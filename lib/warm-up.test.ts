import { describe, expect, it } from 'vitest';
import { POPUP_RESULTS, warmUpConversation, warmUpResults } from './warm-up';

const NOW = Date.UTC(2026, 11, 4, 12);

describe('the made-up conversation a fresh panel draws out of sight', () => {
  it('fills every field the panel shows by default, so each part of the card is drawn', () => {
    const { person } = warmUpConversation(NOW);
    // The card's name for each field where it differs from the field's key.
    const property: Record<string, string> = { vacationBalance: 'vacation', absence: 'away' };
    expect(person?.shown.length).toBeGreaterThan(5);
    for (const key of person!.shown) expect(person, key).toHaveProperty(property[key] ?? key);
  });

  it('is nobody real: every address is in a domain that cannot exist', () => {
    const model = warmUpConversation(NOW);
    const addresses = [model.selected, model.person!.email, ...model.participants.map((p) => p.email)];
    for (const address of addresses) expect(address).toMatch(/@example\.invalid$/);
  });

  it('shows the selected participant, away today, with data as of now', () => {
    const model = warmUpConversation(NOW);
    expect(model.participants.some((p) => p.key === model.selected)).toBe(true);
    expect(model.person?.away).toMatchObject({ kind: 'away', until: model.today });
    expect(model.freshness).toEqual({ at: NOW });
  });
});

describe('the made-up results a fresh popup draws out of sight', () => {
  it('fills a whole list, each result with every detail, each with its own id that no person has', () => {
    const results = warmUpResults();
    expect(results).toHaveLength(POPUP_RESULTS);
    expect(new Set(results.map((r) => r.id)).size).toBe(POPUP_RESULTS);
    for (const r of results) {
      expect(r.id).toBeLessThan(0);
      expect(r.details.filter(Boolean)).toHaveLength(2);
    }
  });
});
