import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeShippedAnomalies } from '../../src/dataset/shipped-anomalies';
import { declareSavedChanges, markDataChanged, resetFingerprint } from '../../src/db/fingerprint';
import { lookForShippedAnomalies, shippedAnomalies } from '../../src/db/shipped-anomalies';
import { setStatus } from '../../src/db/status';
import type { Anomaly } from '../../src/domain/anomalies';
import { BASE, hashes, SOURCES, serve } from './shipped-files';

const FLAG: Anomaly = {
  rule: 'narrative_total',
  reportId: 'r1',
  unit: '某区人民政府',
  province: null,
  year: 2024,
  value: 0,
  reference: 3,
  detail: 3,
};
const FILE = encodeShippedAnomalies([FLAG], SOURCES);
const READY = { phase: 'ready', summary: null } as never;

afterEach(() => {
  resetFingerprint();
  setStatus({ phase: 'idle' } as never);
  vi.unstubAllGlobals();
});

describe('the anomaly flags a dataset ships (src/db/shipped-anomalies.ts)', () => {
  it('are fetched once, and only once the engine is ready: not on the first chart’s path', async () => {
    declareSavedChanges(Promise.resolve(false));
    const requested = serve(FILE);
    lookForShippedAnomalies(BASE, hashes());
    setStatus({ phase: 'loading', progress: null } as never);
    expect(await shippedAnomalies()).toBeNull();
    expect(requested).toEqual([]);
    setStatus(READY);
    expect(await shippedAnomalies()).toEqual([FLAG]);
    expect(await shippedAnomalies()).toEqual([FLAG]);
    expect(requested).toEqual(['http://app.test/data/derived/anomalies.json']);
  });

  it('none for other files, with saved changes to restore, or once the data is changed in the page', async () => {
    setStatus(READY);
    declareSavedChanges(Promise.resolve(false));
    serve(FILE);
    lookForShippedAnomalies(BASE, { ...hashes(), cells: Promise.resolve('e') });
    expect(await shippedAnomalies()).toBeNull();

    declareSavedChanges(Promise.resolve(true));
    lookForShippedAnomalies(BASE, hashes());
    expect(await shippedAnomalies()).toBeNull();

    declareSavedChanges(Promise.resolve(false));
    lookForShippedAnomalies(BASE, hashes());
    expect(await shippedAnomalies()).toEqual([FLAG]);
    markDataChanged();
    expect(await shippedAnomalies()).toBeNull();
  });

  it('none when the dataset has no such file', async () => {
    setStatus(READY);
    declareSavedChanges(Promise.resolve(false));
    vi.stubGlobal('fetch', async () => new Response('not found', { status: 404 }));
    lookForShippedAnomalies(BASE, hashes());
    expect(await shippedAnomalies()).toBeNull();
  });
});
