import 'katex/dist/katex.min.css';
import './components/app.css';
import './view/network.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { StoreContext } from './components/store-context.ts';
import { createAppStore } from './store/create-app-store.ts';
import { initialSession } from './store/initial-session.ts';

const store = createAppStore(initialSession(window.location.hash));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
