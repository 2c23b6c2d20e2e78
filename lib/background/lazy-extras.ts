import type { Employee } from '../employee';
import { cachedPhoto, cachedVacation, fetchPhoto, fetchVacation } from '../extras';
import { shownFields } from '../fields';
import type { PersonioClient } from '../personio/client';
import type { PersonExtras } from '../person-view';
import type { Settings } from '../settings';

export type CardExtras = Pick<PersonExtras, 'photo' | 'vacation'>;

/**
 * A person's photo and vacation balance for a card: what is cached now, and what is missing
 * fetched from Personio, calling `onLate` once it has arrived so the card can be drawn again.
 * A fetch that failed is not retried in this worker's life: a card drawn again must not
 * fetch again (no loop).
 */
export class LazyExtras {
  private readonly failed = new Set<string>();

  constructor(private readonly clientFor: (settings: Settings) => Promise<PersonioClient | undefined>) {}

  async forCard(employee: Employee, settings: Settings, onLate: () => void, now = Date.now()): Promise<CardExtras> {
    const shown = shownFields(settings.fields);
    const extras: CardExtras = {};
    const late: Promise<unknown>[] = [];
    const fetchOnce = (key: string, work: (client: PersonioClient) => Promise<unknown>) =>
      late.push(
        this.clientFor(settings)
          .then((client) => client && work(client))
          .catch(() => this.failed.add(key)),
      );
    if (shown.includes('photo') && employee.photoUrl) {
      const photo = await cachedPhoto(employee, now);
      const key = `photo:${employee.id}`;
      if (photo) extras.photo = photo;
      else if (photo === undefined && !this.failed.has(key)) fetchOnce(key, (c) => fetchPhoto(c, employee, now));
    }
    if (shown.includes('vacationBalance')) {
      const vacation = await cachedVacation(employee.id, now);
      const key = `balance:${employee.id}`;
      if (vacation) extras.vacation = vacation;
      else if (this.failed.has(key)) extras.vacation = { state: 'unavailable' };
      else {
        extras.vacation = { state: 'loading' };
        fetchOnce(key, (c) => fetchVacation(c, employee.id, now));
      }
    }
    if (late.length) void Promise.allSettled(late).then(onLate);
    return extras;
  }

  /** Disconnect: a new connection may be allowed what this one was not. */
  forget(): void {
    this.failed.clear();
  }
}
