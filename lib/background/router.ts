import type { Browser } from 'wxt/browser';
import { contentRequests, dispatch, pageRequests, panelMessages, parseMessage, PANEL_PORT, type Handlers, type ContentRequests, type PageRequests, type PanelMessages } from '../messages';
import { isContentScriptSender, isExtensionPageSender, isPanelSender } from '../senders';
import { customDomainPattern } from '../settings';
import type { ContentContext } from './content-handlers';
import type { PanelContext } from './panel-handlers';
import type { BackgroundServices } from './services';

export interface AllHandlers {
  content: Handlers<ContentRequests, ContentContext>;
  page: Handlers<PageRequests, void>;
  panel: Handlers<PanelMessages, PanelContext>;
}

/**
 * Who may send what. The sender is checked on browser-stamped fields before the payload is
 * parsed; a message that does not parse, or comes from anyone else, gets no answer.
 */
export function createRouter(services: BackgroundServices, handlers: AllHandlers, extension: { id: string; origin: string }) {
  /** runtime.onMessage: a promise of the reply, or undefined to leave the message unanswered. */
  function onMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
    const fromExtensionPage = isExtensionPageSender(sender, extension.origin);
    if (sender.tab && sender.frameId === 0 && sender.id === extension.id && !fromExtensionPage) {
      return onContentScript(raw, sender);
    }
    // The panel talks over its Port only; a page request from it is refused.
    if (fromExtensionPage && !isPanelSender(sender, extension.id)) {
      const message = parseMessage(pageRequests, raw);
      return message ? dispatch(handlers.page, message, undefined) : undefined;
    }
    return undefined;
  }

  /** Content scripts: on a supported site, or on a domain the admin added (checked against settings). */
  async function onContentScript(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
    const snapshot = await services.settings.now();
    const customPatterns = snapshot.settings.customDomains.map((d) => customDomainPattern(d.host));
    const tabId = sender.tab?.id;
    if (!isContentScriptSender(sender, extension.id, customPatterns) || tabId === undefined || !sender.url) return undefined;
    const message = parseMessage(contentRequests, raw);
    return message ? dispatch(handlers.content, message, { tabId, host: new URL(sender.url).hostname, snapshot }) : undefined;
  }

  /** runtime.onConnect: only our panel, inside a tab, may open a panel Port. */
  function onConnect(port: Browser.runtime.Port): void {
    const tabId = port.sender?.tab?.id;
    if (port.name !== PANEL_PORT || !isPanelSender(port.sender ?? {}, extension.id) || tabId === undefined) {
      port.disconnect();
      return;
    }
    services.panels.attach(tabId, port);
    port.onMessage.addListener((raw: unknown) => {
      const message = parseMessage(panelMessages, raw);
      if (message) void dispatch(handlers.panel, message, { tabId }).catch(() => undefined);
    });
    void services.panels.push(tabId);
  }

  return { onMessage, onConnect };
}
