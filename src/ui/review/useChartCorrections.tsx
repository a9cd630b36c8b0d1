import { useMemo } from 'react';
import { useAnnotations } from '../../annotations/store';
import { useI18n } from '../../i18n';
import type { CorrectedCell } from '../../queries';
import { useUi } from '../../state';

/**
 * "With corrections" for a chart: off by default (printed values); when on (URL `corr=1`), the
 * query reads the analyst's corrected cells and the title says so (and with it every export).
 */
export function useChartCorrections(): {
  on: boolean;
  cells: readonly CorrectedCell[] | undefined;
  title: (title: string) => string;
  toggle: React.ReactNode;
} {
  const { t } = useI18n();
  const on = useUi((s) => s.corrections);
  const set = useUi((s) => s.set);
  const { corrections } = useAnnotations();
  const cells = useMemo(
    () =>
      on
        ? corrections.map((c) => ({
            reportId: c.reportId,
            table: c.table,
            row: c.row,
            col: c.col,
            corrected: c.corrected,
          }))
        : undefined,
    [on, corrections],
  );
  const toggle =
    on || corrections.length > 0 ? (
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="corrections-toggle"
          checked={on}
          onChange={(e) => set({ corrections: e.target.checked })}
        />
        {t('corrections.toggle')} ({corrections.length})
      </label>
    ) : null;
  return { on, cells, title: (s) => (on ? `${s}${t('corrections.titleSuffix')}` : s), toggle };
}
