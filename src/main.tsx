import 'katex/dist/katex.min.css';
import './components/app.css';
import './view/network.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { StoreContext } from './components/store-context.ts';
import { createAppStore } from './store/create-app-store.ts';
import { browserStorage, openSession } from './store/persist-session.ts';

// A link in the URL wins over the session saved in this browser, which wins over the default preset.
const start = openSession(window.location.hash, browserStorage);
const store = createAppStore(start.inputs, { pastStates: start.pastStates });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
