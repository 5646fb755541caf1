import 'katex/dist/katex.min.css';
import './components/app.css';
import './view/network.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { NotationProvider } from './components/notation-context.tsx';
import { PrecisionProvider } from './components/Num.tsx';
import { StoreContext } from './components/store-context.ts';
import { DEFAULT_PRESET_ID, loadPreset } from './presets/index.ts';
import { createAppStore, initialInputs } from './store/create-app-store.ts';
import { isHeavy } from './store/open-large.ts';
import { guardedOpen, markOpened } from './store/open-guard.ts';
import { browserStorage, openSession } from './store/persist-session.ts';

// A link in the URL wins over the session saved in this browser, which wins over the default preset.
// An opening that never finished last time (a frozen tab) is not repeated: see open-guard.ts.
const start = guardedOpen(window.location.hash, browserStorage, () =>
  openSession(window.location.hash, browserStorage),
);
// A reload that loaded the address the page had just replaced: the address of the session shown.
if (start.address !== undefined)
  window.history.replaceState(null, '', start.address || window.location.pathname + window.location.search);
// A network too big to derive in one task (a million weights) is derived in slices first, with
// its progress and a Cancel on screen; meanwhile the page shows the saved session without the
// link (or the default preset), which Cancel keeps.
const heavy = isHeavy(start.inputs.scenario);
const meanwhile = heavy ? openSession('', browserStorage) : start;
const store = heavy
  ? createAppStore(
      isHeavy(meanwhile.inputs.scenario)
        ? initialInputs(loadPreset(DEFAULT_PRESET_ID)!, DEFAULT_PRESET_ID)
        : meanwhile.inputs,
    )
  : createAppStore(start.inputs, { pastStates: start.pastStates });
if (heavy) {
  const hash = window.location.hash;
  const title = start.inputs.scenario.title;
  const what = `${hash.includes('scenario=') ? 'the link' : 'your saved session'}${title ? ` “${title}”` : ''}`;
  void store
    .getState()
    .openWhenReady(start.inputs.scenario, what, () => store.getState().restoreSession(start.inputs))
    .then((opened) => {
      // Cancelled: a reload shows what is on screen now, not the link again.
      if (!opened && store.getState().opening === null && window.location.hash === hash && hash.includes('='))
        window.history.replaceState(null, '', window.location.pathname + window.location.search);
    });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <NotationProvider>
        <PrecisionProvider>
          <App />
        </PrecisionProvider>
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
