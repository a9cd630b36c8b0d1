import { useDatasetSummary } from '../../queries';

/** Years and provinces of the loaded dataset (empty until ready). */
export function useDatasetInfo(): { years: number[]; provinces: string[]; latest: number | null } {
  const summary = useDatasetSummary();
  if (!summary) return { years: [], provinces: [], latest: null };
  const years = summary.years;
  return { years, provinces: summary.provinces, latest: years[years.length - 1] ?? null };
}
