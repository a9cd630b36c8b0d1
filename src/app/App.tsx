import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useUi } from '../state';
import { queryClient } from './query-client';
import { Shell } from './Shell';
import { useDatasetLoader } from './useDatasetLoader';

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
