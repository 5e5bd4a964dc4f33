import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyStoredTheme } from './components/theme/theme-store.ts';
import { App } from './app/app.tsx';
import './styles/global.css';

applyStoredTheme();

const container = document.getElementById('root');
if (!container) throw new Error('Palisade: #root element missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
