import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../lib/i18n';
import { useViewStore } from '../stores/view-store';

export function AppProviders({ children }: { children: ReactNode }) {
  // Results are keyed by dataset version: they never go stale on their own, and there is no server to refetch.
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false },
        },
      }),
  );
  const lang = useViewStore((s) => s.lang);
  const [i18n] = useState(() => initI18n(lang));
  useEffect(() => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [i18n, lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
