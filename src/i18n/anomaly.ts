/** An anomaly flag in words: its rule's name and why it was raised, from the flag's own figures. */
import { type Anomaly, PEER_Z, YOY_FACTOR } from '../domain/anomalies';
import type { I18n } from './index';

export function anomalyLabel(i18n: I18n, a: Pick<Anomaly, 'rule'>): string {
  return i18n.t(`anomaly.rule.${a.rule}`);
}

export function anomalyWhy(i18n: I18n, a: Anomaly): string {
  const { t, num, pct } = i18n;
  switch (a.rule) {
    case 'yoy_jump':
      return t('anomaly.why.yoy_jump', {
        value: num(a.value),
        reference: num(a.reference),
        detail: num(a.detail, 1),
        factor: YOY_FACTOR,
      });
    case 'peer_outlier':
      return t('anomaly.why.peer_outlier', {
        value: pct(a.value),
        reference: pct(a.reference),
        detail: num(a.detail),
        z: num(PEER_Z, 1),
      });
    case 'copied_table':
      return t('anomaly.why.copied_table', { value: num(a.value), detail: String(a.detail) });
    case 'old_format':
      return t('anomaly.why.old_format', { year: String(a.year) });
    case 'narrative_total':
      return t('anomaly.why.narrative_total', {
        value: num(a.value),
        reference: num(a.reference),
        // the table's name in the UI language ("表三" / "Table 3"), not a hybrid
        table: i18n.lang === 'zh' ? (a.detail === 4 ? '四' : '三') : a.detail === 4 ? '4' : '3',
      });
  }
}
