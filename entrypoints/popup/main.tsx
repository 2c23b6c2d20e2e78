import { createRoot } from 'react-dom/client';
import { App } from './App';
import '@/components/tokens.css';
import '@/components/card.css';
import './page.css';

createRoot(document.getElementById('root')!).render(<App />);
