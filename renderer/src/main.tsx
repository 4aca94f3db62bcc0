import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from 'react-aria-components';
import { App } from './App';
import { createClient } from './api/client';
import { ClientProvider } from './api/context';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './data/queries';
import { syncClock } from './clock';
import { VaultProvider } from './vault/VaultProvider';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

if (!window.keyholder) {
  // Opened in an ordinary browser: there is no vault to talk to.
  root.render(
    <main className="page">
      <h1>Keyholder</h1>
      <p>This page only works inside the Keyholder app. Open Keyholder from the Start menu or Applications folder.</p>
    </main>,
  );
} else {
  const client = createClient(window.keyholder);
  const queryClient = createQueryClient();
  // Default dates on screen come from the main process's clock (renderer/src/clock.ts).
  await syncClock(client);
  root.render(
    <StrictMode>
      <I18nProvider locale="en-GB">
        <ClientProvider client={client}>
          <QueryClientProvider client={queryClient}>
            <VaultProvider>
              <App />
            </VaultProvider>
          </QueryClientProvider>
        </ClientProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
