import type { Browser } from 'wxt/browser';
import { databaseTooNew } from '../db';
import { countEmployees } from '../directory-stats';
import type { ContentNotice, PanelPush } from '../messages';
import { collapseNarrowForNewConversation, layoutFor, LAYOUT_KEY, layoutKey, parseLayoutPrefs, type LayoutPrefs, type PanelLayout } from '../panel-layout';
import { conversationModel, offerFor, type PanelModel, type TabConversation } from '../panel-model';
import { isConnected } from '../settings';
import type { SyncProgress } from '../sync/progress';
import { readSyncState } from '../sync/run';
import { knownEmployeeCount } from '../sync/state';
import { dataFreshness } from '../data-freshness';
import type { LazyExtras } from './lazy-extras';
import { KeptRead } from './kept-read';
import type { PanelSessions } from './panel-sessions';
import type { SettingsSnapshot, SettingsSource } from './settings-source';
import { pause } from '../next-task';

export interface PanelHubDeps {
  sessions: PanelSessions;
  settings: SettingsSource;
  extras: LazyExtras;
  /** The running sync's progress, for the first-sync state. */
  progress: () => SyncProgress | undefined;
  /** The time a card is drawn for (BackgroundServices.now). */
  now: () => Promise<number>;
}

/**
 * How long after a card is sent its photo and balance fetches wait. The frame is drawing the
 * card then, and the fetches' own work (the connection, the requests, their answers stored and
 * drawn) would compete with that draw for the machine's cores: measured in `npm run bench`,
 * the first card after a page load was drawn later with the fetches started at once, also
 * with Personio's answers a hundred milliseconds away. An answer from Personio takes longer
 * than this wait anyway.
 */
export const EXTRAS_AFTER_CARD_MS = 50;

/**
 * The open panels, one Port per tab, and what each is sent: a ready-made model of the tab's
 * conversation (the panel holds no data of its own), how the panel sits on the site, and the
 * UI language. Layout is remembered per site.
 */
export class PanelHub {
  private readonly ports = new Map<number, Browser.runtime.Port>();
  /** The site of each tab that has our content script, for layout preferences. */
  private readonly siteOfTab = new Map<number, string>();
  /** Tabs whose window is too narrow for the site beside an open panel. */
  private readonly narrowTabs = new Set<number>();
  /** Tabs whose frame was last sent a model about no one (see `mayShowSomeone`). */
  private readonly framesShowingNoOne = new Set<number>();
  /** Pushes are numbered as they start; per tab, the number of the one last sent (see `push`). */
  private pushesStarted = 0;
  private readonly lastSent = new Map<number, number>();
  /**
   * The layout preferences, read from `storage.local` once per life of the worker (only the
   * hub writes them): a conversation opening costs no round trip to the browser for them.
   */
  private readonly prefs = new KeptRead(async () => parseLayoutPrefs((await browser.storage.local.get(LAYOUT_KEY))[LAYOUT_KEY]));

  constructor(private readonly deps: PanelHubDeps) {}

  attach(tabId: number, port: Browser.runtime.Port): void {
    this.ports.set(tabId, port);
    this.framesShowingNoOne.delete(tabId);
    port.onDisconnect.addListener(() => {
      if (this.ports.get(tabId) !== port) return;
      this.ports.delete(tabId);
      this.framesShowingNoOne.delete(tabId);
    });
  }

  noteSite(tabId: number, site: string, narrow = false): void {
    this.siteOfTab.set(tabId, site);
    this.noteNarrow(tabId, narrow);
  }

  noteNarrow(tabId: number, narrow: boolean): void {
    if (narrow) this.narrowTabs.add(tabId);
    else this.narrowTabs.delete(tabId);
  }

  siteOf(tabId: number): string | undefined {
    return this.siteOfTab.get(tabId);
  }

  /**
   * Whether the tab's frame may be showing someone: it was not last sent a model about no one
   * (a frame this worker has not sent anything may still show what an earlier worker sent).
   * A frame that shows no one can be shown before its card arrives; one that may show someone
   * is sent the next card before it is shown.
   */
  mayShowSomeone(tabId: number): boolean {
    return !this.framesShowingNoOne.has(tabId);
  }

  forgetTab(tabId: number): void {
    this.framesShowingNoOne.delete(tabId);
    this.lastSent.delete(tabId);
    this.siteOfTab.delete(tabId);
    this.narrowTabs.delete(tabId);
  }

  /** How the panel sits in this tab: its site's layout for the tab's window size. */
  async layoutOfTab(tabId: number, site = this.siteOfTab.get(tabId)): Promise<PanelLayout> {
    return layoutFor(await this.prefs.get(), site, this.narrowTabs.has(tabId));
  }

  /** `storage.local` was cleared behind the hub (disconnect): the preferences are read again when next needed. */
  forgetLayouts(): void {
    this.prefs.forget();
  }

  /**
   * Send a tab's panel its model now (`snapshot`: the settings the caller already read;
   * `known`: the tab's session and layout the caller has just written, not read again; the
   * layout may still be on its way, and the model is not held up for it).
   * The model and the layout are read together: this is the path from a conversation opening
   * to the panel showing who wrote. Pushes to one tab may overlap and finish out of order; one
   * that finishes after a push started later is not sent (it was made from older facts).
   */
  async push(tabId: number, snapshot?: SettingsSnapshot, known?: { tab: TabConversation | undefined; layout: PanelLayout | Promise<PanelLayout> }): Promise<void> {
    const port = this.ports.get(tabId);
    if (!port) return;
    const number = (this.pushesStarted += 1);
    const { settings } = snapshot ?? (await this.deps.settings.now());
    // The card's photo and balance are fetched a moment after the card is sent (see `model`).
    let sent = () => {};
    const cardSent = new Promise<void>((resolve) => (sent = resolve));
    try {
      const tab = known ? known.tab : await this.deps.sessions.get(tabId);
      const [model, layout] = await Promise.all([this.model(tabId, tab, snapshot, cardSent), known?.layout ?? this.layoutOfTab(tabId, tab?.site ?? this.siteOfTab.get(tabId))]);
      if ((this.lastSent.get(tabId) ?? 0) > number) return;
      this.lastSent.set(tabId, number);
      try {
        port.postMessage({ model, layout, language: settings.language } satisfies PanelPush);
        if (model.state === 'conversation') this.framesShowingNoOne.delete(tabId);
        else this.framesShowingNoOne.add(tabId);
      } catch {
        this.ports.delete(tabId); // the tab went away meanwhile
      }
    } finally {
      sent();
    }
  }

  async pushAll(): Promise<void> {
    const snapshot = await this.deps.settings.now();
    await Promise.all([...this.ports.keys()].map((id) => this.push(id, snapshot)));
  }

  /**
   * Sidecard was just connected. While it was not, no address from a page was kept, so the
   * open panels know no conversation: their pages are asked to say again who they show.
   * Every page that has reported is asked, not only those whose panel is attached: a panel
   * still loading when the connection came would otherwise attach to a tab nobody asked.
   */
  async askPagesAgain(): Promise<void> {
    const notice: ContentNotice = { type: 'report-again' };
    const tabs = new Set([...this.ports.keys(), ...this.siteOfTab.keys()]);
    await Promise.all([...tabs].map((tabId) => browser.tabs.sendMessage(tabId, notice).catch(() => undefined)));
  }

  /**
   * The layout of a tab whose page just reported, read once. A new conversation on the site:
   * a panel left open over a narrow window becomes its tab again.
   */
  async layoutOnReport(tabId: number, site: string, newConversation: boolean): Promise<PanelLayout> {
    const prefs = await this.prefs.get();
    const next = newConversation ? collapseNarrowForNewConversation(prefs, site) : undefined;
    if (next) await this.saveLayoutPrefs(next);
    return layoutFor(next ?? prefs, site, this.narrowTabs.has(tabId));
  }

  /** Change how the panel sits on the tab's site; the page's frame and the panel both follow. */
  async changeLayout(tabId: number, change: (current: PanelLayout) => PanelLayout): Promise<void> {
    const site = (await this.deps.sessions.get(tabId))?.site ?? this.siteOfTab.get(tabId);
    if (!site) return;
    const prefs = await this.prefs.get();
    const narrow = this.narrowTabs.has(tabId);
    const layout = change(layoutFor(prefs, site, narrow));
    await this.saveLayoutPrefs({ ...prefs, [layoutKey(site, narrow)]: layout });
    const notice: ContentNotice = { type: 'panel-layout', layout };
    await browser.tabs.sendMessage(tabId, notice).catch(() => undefined);
    await this.push(tabId);
  }

  private async model(tabId: number, tab: TabConversation | undefined, snapshot: SettingsSnapshot | undefined, cardSent: Promise<void>): Promise<PanelModel> {
    const { settings } = snapshot ?? (await this.deps.settings.now());
    if (await databaseTooNew()) return { state: 'database-too-new' };
    if (!isConnected(settings)) return { state: 'not-connected' };
    // An unnamed tenant gets the offer before anything of the directory is read.
    const offer = offerFor(tab);
    if (offer) return offer;
    const now = await this.deps.now();
    const state = readSyncState();
    // Looked up while the sync state is read: once the directory has synced, what is shown.
    const conversation =
      tab &&
      conversationModel(tab, settings, {
        now,
        freshness: state.then((s) => dataFreshness(s, settings.intervalMinutes, now)),
        // Called for the card on screen alone: the one participant selected, or the person opened.
        extrasFor: (e) => this.deps.extras.forCard(e, settings, { from: `tab:${tabId}`, onLate: () => void this.push(tabId), now, startAfter: cardSent.then(() => pause(EXTRAS_AFTER_CARD_MS)) }),
      });
    conversation?.catch(() => undefined); // not awaited during a first sync
    const synced = await state;
    if (synced.lastSuccessAt === undefined && (knownEmployeeCount(synced) ?? (await countEmployees())) === 0) {
      const progress = this.deps.progress();
      return { state: 'first-sync', ...(progress ? { progress } : {}) };
    }
    return conversation ?? { state: 'idle' };
  }

  private async saveLayoutPrefs(next: LayoutPrefs): Promise<void> {
    this.prefs.set(next);
    await browser.storage.local.set({ [LAYOUT_KEY]: { sites: next } });
  }
}
