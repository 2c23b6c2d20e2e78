import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentMainFile, loadContentScript } from './content-loader';

describe('the content script loader', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('touches nothing of the extension while the page loads, and loads the site’s script when the page is idle', async () => {
    const idle: Array<() => void> = [];
    const getURL = vi.fn((path: string) => `chrome-extension://sidecard${path}`);
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { runtime: { id: 'sidecard', getURL } });

    loadContentScript('zendesk');
    expect(getURL).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);

    idle[0]!(); // the module cannot load here; the loader leaves the page alone
    expect(getURL).toHaveBeenCalledWith(`/${contentMainFile('zendesk')}`);
    expect(contentMainFile('zendesk')).toBe('content-zendesk-main.js');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
