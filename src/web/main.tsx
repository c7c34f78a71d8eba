/** Starts the web app: catalogs first (so the first paint is in the chosen language), then React. */
import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { initI18n } from './i18n';
import { SessionProvider } from './session';
import { theme } from './theme';

const i18n = await initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <SessionProvider>
          <App />
        </SessionProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
