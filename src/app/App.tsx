import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useUi } from '../state';
import { Shell } from './Shell';
import { useDatasetLoader } from './useDatasetLoader';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

function DocumentLang() {
  const lang = useUi((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return null;
}

export function App() {
  useDatasetLoader(queryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <DocumentLang />
      <Shell />
    </QueryClientProvider>
  );
}
