import { gmail } from './gmail';
import type { SiteAdapter } from './types';

/** Every supported site. Adding a site: one adapter file, one fixture, one test, one line here. */
export const SITES: readonly SiteAdapter[] = [gmail];

export function siteById(id: string): SiteAdapter | undefined {
  return SITES.find((s) => s.id === id);
}
