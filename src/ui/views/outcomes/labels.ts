import { OUTCOME_GROUPS, type OutcomeGroup, type Table3Row } from '../../../domain/keys';
import { type Bilingual, OUTCOME_GROUP_LABELS, TABLE3_ROW_LABELS } from '../../../domain/metrics';

/** Label of a stack key: an outcome group or a table-三 row. */
export function keyLabel(key: string, label: (b: Bilingual) => string): string {
  if ((OUTCOME_GROUPS as readonly string[]).includes(key))
    return label(OUTCOME_GROUP_LABELS[key as OutcomeGroup]);
  return label(TABLE3_ROW_LABELS[key as Table3Row]);
}
