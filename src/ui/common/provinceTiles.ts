/**
 * A tile-grid map of China's provincial-level divisions: one square per division at a grid
 * position that keeps each one next to its real neighbours (no boundary data needed). Keyed by
 * the name reports.province holds; `short` is the customary one-character abbreviation, `code`
 * the GB/T 2260 letter code (shown on tiles too small for the English name).
 */
export interface ProvinceTile {
  name: string;
  short: string;
  code: string;
  col: number;
  row: number;
  /** Not in the national reporting system: always drawn as "no data". */
  outside?: true;
}

export const TILE_COLS = 8;
export const TILE_ROWS = 8;

export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { name: '黑龙江省', short: '黑', code: 'HL', col: 7, row: 0 },
  { name: '内蒙古自治区', short: '蒙', code: 'NM', col: 4, row: 1 },
  { name: '北京市', short: '京', code: 'BJ', col: 5, row: 1 },
  { name: '辽宁省', short: '辽', code: 'LN', col: 6, row: 1 },
  { name: '吉林省', short: '吉', code: 'JL', col: 7, row: 1 },
  { name: '新疆维吾尔自治区', short: '新', code: 'XJ', col: 1, row: 2 },
  { name: '甘肃省', short: '甘', code: 'GS', col: 2, row: 2 },
  { name: '宁夏回族自治区', short: '宁', code: 'NX', col: 3, row: 2 },
  { name: '山西省', short: '晋', code: 'SX', col: 4, row: 2 },
  { name: '河北省', short: '冀', code: 'HE', col: 5, row: 2 },
  { name: '天津市', short: '津', code: 'TJ', col: 6, row: 2 },
  { name: '西藏自治区', short: '藏', code: 'XZ', col: 1, row: 3 },
  { name: '青海省', short: '青', code: 'QH', col: 2, row: 3 },
  { name: '陕西省', short: '陕', code: 'SN', col: 3, row: 3 },
  { name: '河南省', short: '豫', code: 'HA', col: 4, row: 3 },
  { name: '山东省', short: '鲁', code: 'SD', col: 5, row: 3 },
  { name: '四川省', short: '川', code: 'SC', col: 2, row: 4 },
  { name: '重庆市', short: '渝', code: 'CQ', col: 3, row: 4 },
  { name: '湖北省', short: '鄂', code: 'HB', col: 4, row: 4 },
  { name: '安徽省', short: '皖', code: 'AH', col: 5, row: 4 },
  { name: '江苏省', short: '苏', code: 'JS', col: 6, row: 4 },
  { name: '上海市', short: '沪', code: 'SH', col: 7, row: 4 },
  { name: '云南省', short: '滇', code: 'YN', col: 2, row: 5 },
  { name: '贵州省', short: '黔', code: 'GZ', col: 3, row: 5 },
  { name: '湖南省', short: '湘', code: 'HN', col: 4, row: 5 },
  { name: '江西省', short: '赣', code: 'JX', col: 5, row: 5 },
  { name: '浙江省', short: '浙', code: 'ZJ', col: 6, row: 5 },
  { name: '广西壮族自治区', short: '桂', code: 'GX', col: 3, row: 6 },
  { name: '广东省', short: '粤', code: 'GD', col: 4, row: 6 },
  { name: '福建省', short: '闽', code: 'FJ', col: 5, row: 6 },
  { name: '台湾省', short: '台', code: 'TW', col: 6, row: 6, outside: true },
  { name: '海南省', short: '琼', code: 'HI', col: 3, row: 7 },
  { name: '澳门特别行政区', short: '澳', code: 'MO', col: 4, row: 7, outside: true },
  { name: '香港特别行政区', short: '港', code: 'HK', col: 5, row: 7, outside: true },
];
