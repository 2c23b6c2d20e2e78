/**
 * The popup floor's script (`npm run bench` only). What is typed is shown as the one result, at
 * once: the least a search box can do between an input event and a result. And the status the
 * background left in storage.session is shown as one line: the least a page can do to show
 * the sync status without waiting for a sleeping worker. The extension API bare, no polyfill.
 */
const input = document.querySelector('input')!;
const list = document.querySelector('[role=listbox]')!;
input.addEventListener('input', () => {
  const option = document.createElement('li');
  option.setAttribute('role', 'option');
  option.textContent = input.value;
  list.replaceChildren(option);
});

// Written out in each floor rather than shared: a shared module would be a chunk of its own,
// one more file for the floor to load than the floor's job needs.
interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
}
const session = (globalThis as unknown as { chrome: { storage: { session: SessionArea } } }).chrome.storage.session;
void session.get('lastStatus').then((stored) => {
  document.querySelector('[data-floor-status]')!.textContent = stored.lastStatus ? 'Synced' : 'Not synced';
});
