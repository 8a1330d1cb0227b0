import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { I18nProvider } from './i18n';
import { applyTheme, readTheme } from './lib/theme';
import { createQueryClient } from './lib/use-api';
import { createRouter } from './routes';
import './styles.css';

applyTheme(readTheme(), false); // before the first paint: no flash of the other theme
const queryClient = createQueryClient();
const router = createRouter();

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
