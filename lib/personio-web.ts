/**
 * Links from a card to the person's profile in Personio's web app. The profile lives at
 * `https://<company>.personio.de/staff/details/<employee id>`: the route Personio's own web
 * frontend declares (`/staff/details/{employeeId}`, in its tests, code index #55176604822)
 * and the address automation scripts wait for after opening a profile (code index
 * #37453555313, #29443161397). Personio's help centre shows the app only as screenshots, so
 * the route is confirmed by those sources, not by a help article.
 *
 * Only a Personio host is accepted: the link opens in the agent's browser with their Personio
 * session, so a mistyped or look-alike host must not become a link at all.
 */
const PERSONIO_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.personio\.(?:de|com)$/;

/** The company's Personio address as typed ("acme.personio.de", "https://acme.personio.de/"), or null. */
export function normalisePersonioWebUrl(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  if (!PERSONIO_HOST.test(url.hostname)) return null;
  if (url.pathname !== '/' || url.search || url.hash) return null;
  return `https://${url.hostname}`;
}

/** The profile of employee `id`, or undefined when no valid company address is set. */
export function profileUrl(webUrl: string | undefined, id: number): string | undefined {
  const base = webUrl ? normalisePersonioWebUrl(webUrl) : null;
  return base && Number.isSafeInteger(id) && id > 0 ? `${base}/staff/details/${id}` : undefined;
}
