import { isCustomField, STANDARD_FIELDS, type FieldKey } from '../fields';

// What the credential may read, as the pages themselves tell it: an attribute the admin has
// not ticked for the credential in Personio is absent from every row (no null, no error). So
// the first row of each page says which requested attributes are granted, and a run compares
// that with the last run's. Pure.

/** The attribute keys of a page's first row; undefined for a page with no row. */
export function grantedOnPage(page: { data: readonly { attributes: object }[] }): Set<string> | undefined {
  const first = page.data[0];
  return first ? new Set(Object.keys(first.attributes)) : undefined;
}

/**
 * Of pages' granted attributes (`grantedOnPage`), the latest page's with a row, or undefined.
 * The latest, not all seen: a run resumed after the admin changed the allow-list has older
 * pages that show the grants as they were.
 */
export function latestAttributes(pages: readonly { granted?: ReadonlySet<string> }[]): ReadonlySet<string> | undefined {
  for (let i = pages.length - 1; i >= 0; i -= 1) {
    const granted = pages[i]!.granted;
    if (granted) return granted;
  }
  return undefined;
}

/** Requested attributes no row carried; undefined when the run saw no row to tell. */
export function ungrantedAttributes(requested: readonly string[], seen: ReadonlySet<string>): string[] | undefined {
  if (seen.size === 0) return undefined;
  return requested.filter((a) => !seen.has(a)).sort();
}

/** How often a run that saw no row asks the credential's attribute list, when nothing else asks it. */
export const GRANTS_CHECK_MS = 60 * 60_000;

/** Keys every record has, whether or not the credential's attribute list names them. */
const RECORD_KEYS = new Set(['id', 'last_modified_at', 'created_at']);

/**
 * The same from the credential's attribute list (`GET …/employees/attributes`), for a run that
 * saw no row: requested attributes the list does not name.
 */
export function ungrantedByList(requested: readonly string[], listed: readonly { key: string }[]): string[] {
  const keys = new Set(listed.map((d) => d.key));
  return requested.filter((a) => !keys.has(a) && !RECORD_KEYS.has(a)).sort();
}

/** Attributes granted before and not now (`revoked`), and the other way round (`regranted`). */
export function grantChange(before: readonly string[] | undefined, now: readonly string[]): { revoked: string[]; regranted: string[] } {
  const was = new Set(before ?? []);
  const is = new Set(now);
  return { revoked: now.filter((a) => !was.has(a)), regranted: [...was].filter((a) => !is.has(a)) };
}

/**
 * The stored fields the credential still lets Sidecard read: a field goes when every attribute
 * it reads is ungranted. Name and email are required (a credential without them cannot sync at
 * all), and absences come from their own endpoint, so those stay.
 */
export function fieldsStillReadable(stored: ReadonlySet<FieldKey>, ungranted: readonly string[]): Set<FieldKey> {
  const gone = new Set(ungranted);
  const readable = new Set(stored);
  for (const field of STANDARD_FIELDS) {
    if (field.required || field.key === 'absence' || field.attributes.length === 0) continue;
    if (field.attributes.every((a) => gone.has(a))) readable.delete(field.key);
  }
  for (const key of stored) if (isCustomField(key) && gone.has(key)) readable.delete(key);
  return readable;
}
