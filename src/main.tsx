import 'katex/dist/katex.min.css';
import './components/app.css';
import './view/network.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { NotationProvider } from './components/notation-context.tsx';
import { StoreContext } from './components/store-context.ts';
import { createAppStore } from './store/create-app-store.ts';
import { guardedOpen, markOpened } from './store/open-guard.ts';
import { browserStorage, openSession } from './store/persist-session.ts';

// A link in the URL wins over the session saved in this browser, which wins over the default preset.
// An opening that never finished last time (a frozen tab) is not repeated: see open-guard.ts.
const start = guardedOpen(window.location.hash, browserStorage, () =>
  openSession(window.location.hash, browserStorage),
);
const store = createAppStore(start.inputs, { pastStates: start.pastStates });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <NotationProvider>
        <App />
      </NotationProvider>
    </StoreContext.Provider>
  </StrictMode>,
);

// The first frame is on screen: the session opened.
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => markOpened(browserStorage), 0)));

// Offline and installable: the built app registers the service worker that vite.config.ts
// writes beside index.html. Relative URLs, so the folder works from any path; never in dev,
// where a cache would hide edits.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // Without a worker (a file:// page, a browser that refuses one) the app still works online.
    });
  });
}
