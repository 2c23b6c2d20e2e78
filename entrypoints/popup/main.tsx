import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { shellQuery } from './shell';
import '@/components/tokens.css';
import '@/components/card.css';
import './page.css';

const root = document.getElementById('root')!;
// Read and replaced in one task: no keystroke can land in the shell between the two.
const typed = shellQuery(root);
flushSync(() => createRoot(root).render(<App typed={typed} />));
