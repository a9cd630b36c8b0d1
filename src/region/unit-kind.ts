import type { UnitKind } from '../domain/vocab';
import { normalizeUnit } from './normalize';

export type { UnitKind } from '../domain/vocab';

const ORGAN_TITLE = /(人民政府|政府|街道办事处|办事处|党委|党工委)$/;
const TOWNSHIP = /(乡|镇|街道|苏木)$/;
/** A 片区 administration (平潭's 金井片区管理局) is township-level, though its name ends in 局. */
const AREA = /片区(管理局|管委会|管理委员会|办事处|管理处)?$/;
/** Endings of a department's name: 局, 委(员会), 办(公室/公厅), 中心, 厅, 所, 院, 站, 队, 馆… */
const DEPARTMENT = /(局|委|委员会|办|办公室|办公厅|中心|厅|署|所|院|站|队|馆|处|部|会|室|庭)$/;
/** Endings of a division's own name: the unit is that division's government. */
const DIVISION = /(省|市|县|区|旗|盟|州|地区|自治区|自治州|自治县|实验区|新区)$/;

/**
 * What kind of organ publishes under this name. A parenthetical note is ignored for the name
 * but read for the word 部门 (深圳市龙岗区(区政府工作部门,…) is a department, not the district).
 * Order matters: 上海市人民政府办公厅 is a department although it contains 人民政府.
 * What is left over (a collector's placeholder, a company) is `other`.
 */
export function classifyUnit(unit: string): UnitKind {
  const normal = normalizeUnit(unit);
  const name = normal.replace(/\([^)]*\)/g, '');
  if (AREA.test(name)) return 'township';
  if (DEPARTMENT.test(name) && !ORGAN_TITLE.test(name)) return 'department';
  const place = name.replace(ORGAN_TITLE, '');
  if (TOWNSHIP.test(place)) return 'township';
  // 部门 says it outright, in a note or in a collector's name (深圳市龙岗区政府工作部门post11956962).
  if (normal.includes('部门')) return 'department';
  if (DIVISION.test(place)) return 'government';
  return 'other';
}
