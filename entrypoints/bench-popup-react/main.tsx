/**
 * The popup's React floor (`npm run bench` only): React draws one status line from what the
 * background left in storage.session, as soon as it has it. What any React page pays before it
 * shows anything: loading React, one storage read, one render.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

// Written out in each floor rather than shared: a shared module would be a chunk of its own,
// one more file for the floor to load than the floor's job needs.
interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
}
const session = (globalThis as unknown as { chrome: { storage: { session: SessionArea } } }).chrome.storage.session;

function Status() {
  const [text, setText] = useState('');
  useEffect(() => {
    void session.get('lastStatus').then((stored) => setText(stored.lastStatus ? 'Synced' : 'Not synced'));
  }, []);
  return <p data-floor-status>{text}</p>;
}

createRoot(document.getElementById('root')!).render(<Status />);
