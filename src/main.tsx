import './app/mantine-boot.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setupI18n } from './app/i18n';
import { createRouter } from './app/router';

// The language's first catalogue part and the first screen's code load side by side: the router starts loading the
// matched routes' code (and their catalogue parts) as soon as it is created, before anything renders.
const i18nReady = setupI18n();
const router = createRouter();
await i18nReady;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const reactRoot = createRoot(root);
// The first render as a transition: React renders in slices and lets the browser breathe between them, instead of
// one long task that keeps a slow phone from answering input (Lighthouse's Total Blocking Time).
startTransition(() => {
  reactRoot.render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  );
});
