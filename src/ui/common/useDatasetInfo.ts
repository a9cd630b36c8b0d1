import { useDatasetStatus } from '../../queries';

/** Years and provinces of the loaded dataset (empty until ready). */
export function useDatasetInfo(): { years: number[]; provinces: string[]; latest: number | null } {
  const status = useDatasetStatus();
  if (status.phase !== 'ready') return { years: [], provinces: [], latest: null };
  const years = status.summary.years;
  return { years, provinces: status.summary.provinces, latest: years[years.length - 1] ?? null };
}
