import { Suspense } from 'react';
import { useI18n } from '../i18n';
import { useDatasetStatus } from '../queries';
import { useUi } from '../state';
import { ErrorBoundary } from '../ui/common/ErrorBoundary';
import { ErrorPanel } from '../ui/common/ErrorPanel';
import { LoadingPanel } from '../ui/common/LoadingPanel';
import { MergedUnits } from '../ui/common/MergedUnits';
import { NoticeBanner } from '../ui/common/NoticeBanner';
import { SyntheticBanner } from '../ui/common/SyntheticBanner';
import { ImportPanel } from '../ui/import/ImportPanel';
import { AnomalyPrefetch } from './AnomalyPrefetch';
import { Footer } from './Footer';
import { Header } from './Header';
import { LegacyUnits } from './LegacyUnits';
import { LoadStatus } from './LoadStatus';
import { ViewPrefetch } from './ViewPrefetch';
import { VIEW_COMPONENTS } from './views';

function CurrentView() {
  const view = useUi((s) => s.view);
  const status = useDatasetStatus();
  const dataset = useUi((s) => s.dataset);
  const lang = useUi((s) => s.lang);
  if (status.phase === 'error') return <ErrorPanel error={status.error} dataset={dataset} />;
  // With a summary kept from an earlier visit of these files, the view draws stored answers
  // while the engine starts (LoadStatus says so outside the chart).
  if (status.phase !== 'ready' && !(status.phase === 'loading' && status.stored))
    return <LoadingPanel progress={status.phase === 'loading' ? status.progress : null} />;
  const View = VIEW_COMPONENTS[view];
  return (
    <>
      <AnomalyPrefetch />
      <ViewPrefetch />
      <ErrorBoundary key={view} view={view} lang={lang}>
        <Suspense fallback={<LoadingPanel progress={null} />}>
          <LegacyUnits />
          <View />
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

export function Shell() {
  const embed = useUi((s) => s.embed);
  const { t } = useI18n();
  if (embed) {
    return (
      <main className="embed" aria-label={t('app.title')}>
        <MergedUnits />
        <CurrentView />
        <LoadStatus />
      </main>
    );
  }
  return (
    <div className="app">
      <MergedUnits />
      <Header />
      <LoadStatus />
      <NoticeBanner />
      <SyntheticBanner />
      <ImportPanel />
      <main id="main" className="main">
        <CurrentView />
      </main>
      <Footer />
    </div>
  );
}
