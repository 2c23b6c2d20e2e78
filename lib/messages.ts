import { z } from 'zod';
import type { PanelLayout } from './panel-layout';
import { MAX_NAME_LENGTH, MAX_PARTICIPANTS } from './channels';

// Extension pages forbid eval; zod would try `new Function` first to compile fast parsers.
z.config({ jitless: true });

/**
 * The one message protocol of Sidecard. Every message is a zod schema; the background
 * checks the sender (browser-stamped fields) before it parses the payload, and drops
 * anything that does not parse. Three kinds of sender:
 * - content scripts (on supported sites): only `requester`;
 * - extension pages (options, popup, panel): everything in `pageRequestSchema`;
 * - the panel's Port: `panelToBackgroundSchema`.
 * The client secret travels only from the options page to the background, once, in `connect`.
 */

const participant = z.object({
  email: z.string().email().max(320),
  name: z.string().max(MAX_NAME_LENGTH).optional(),
  role: z.enum(['from', 'to', 'cc', 'requester']),
});
export type ParticipantMessage = z.infer<typeof participant>;

/** Content script → background: what the page shows now (null: no conversation open). */
export const requesterMessageSchema = z.object({
  type: z.literal('requester'),
  site: z.string().max(40),
  conversation: z
    .object({ key: z.string().max(500), participants: z.array(participant).max(MAX_PARTICIPANTS) })
    .nullable(),
});
export type RequesterMessage = z.infer<typeof requesterMessageSchema>;

/** Content script on an admin-added domain → background: which site's adapter runs here? */
export const siteForPageSchema = z.object({ type: z.literal('site-for-page') });

/** Background → content script: show or hide the panel frame. Deliberately no HR data. */
export interface RequesterReply {
  visible: boolean;
  layout: PanelLayout;
}

const credentials = z.object({
  baseUrl: z.string().url().max(500),
  clientId: z.string().trim().min(1).max(500),
  /** Absent when the admin keeps the saved secret. */
  clientSecret: z.string().min(1).max(2000).optional(),
});

/** What the options page may change. Locked (policy-managed) settings are ignored by the background. */
export const settingsPatchSchema = z
  .object({
    fields: z.array(z.object({ key: z.string().max(40), store: z.boolean(), show: z.boolean() })).max(300),
    filters: z.object({
      statuses: z.array(z.enum(['onboarding', 'active', 'leave', 'inactive'])),
      subcompanyIds: z.array(z.number().int()).max(500),
      departmentIds: z.array(z.number().int()).max(2000),
    }),
    intervalMinutes: z.number().int().min(5).max(1440),
    disabledSites: z.array(z.string().max(40)).max(50),
    customDomains: z.array(z.object({ host: z.string().max(253), site: z.string().max(40) })).max(50),
    language: z.enum(['auto', 'en', 'de']),
  })
  .partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Extension pages → background. */
export const pageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status') }),
  z.object({ type: z.literal('test-connection'), credentials }),
  z.object({ type: z.literal('connect'), credentials }),
  z.object({ type: z.literal('disconnect') }),
  z.object({ type: z.literal('sync-now'), full: z.boolean().optional() }),
  z.object({ type: z.literal('settings-changed') }),
  z.object({ type: z.literal('search'), query: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }),
  z.object({ type: z.literal('person'), id: z.number().int() }),
  z.object({ type: z.literal('attributes') }),
  z.object({ type: z.literal('save-settings'), patch: settingsPatchSchema }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

/** Panel Port → background. */
export const panelToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('select'), email: z.string().max(320) }),
  z.object({ type: z.literal('open-person'), id: z.number().int() }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('search'), query: z.string().max(200) }),
  z.object({ type: z.literal('collapse'), collapsed: z.boolean() }),
  z.object({ type: z.literal('wider') }),
  z.object({ type: z.literal('open-options') }),
]);
export type PanelToBackground = z.infer<typeof panelToBackgroundSchema>;

export { PANEL_PORT, PROGRESS_BROADCAST } from './channels';
