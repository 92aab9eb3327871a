import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './print.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './http/queryClient';
import { LocaleProvider } from './i18n';
import { readStoredLocale } from './i18n/locales';
import { routes } from './routes';
import { theme } from './theme';

// <html lang> from the saved language before the first render (no inline scripts: CSP).
document.documentElement.lang = readStoredLocale();

const router = createBrowserRouter(routes);
const queryClient = createQueryClient();

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing in index.html');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <RouterProvider router={router} />
        </LocaleProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
