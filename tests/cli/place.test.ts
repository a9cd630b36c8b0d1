import { beforeAll, describe, expect, it } from 'vitest';
import { placeReport } from '../../cli/lib/place';
import { loadRegionEntries } from '../../src/region/node/region-data';
import { createRegionIndex, type RegionIndex } from '../../src/region/region-index';
import { handReport } from '../dataset/fixtures';

let index: RegionIndex;
beforeAll(async () => {
  index = createRegionIndex(await loadRegionEntries());
});

const report = (unit: string, file: string) => handReport({ unit, source: { file, sha256: 'x' } });

describe(placeReport, () => {
  it('places a unit by its own name, without a note', () => {
    const placed = placeReport(index, report('雁塔区统计局', 'whatever.txt'));
    expect(placed.outcome.ok && placed.outcome.resolution.region.code).toBe('610113');
    expect(placed.note).toBeNull();
  });

  it('lets the file name support a township the unit names alone (太平镇 of 西咸新区)', () => {
    const placed = placeReport(index, report('太平镇人民政府', '西咸新区太平镇_2022.txt'));
    expect(placed.outcome.ok && placed.outcome.resolution.region.code).toBe('610423111');
  });

  it('falls back to the file name only when the unit names no place, and says so', () => {
    const placed = placeReport(index, report('政府', '沭阳县_2025.txt'));
    expect(placed.outcome.ok && placed.outcome.resolution.region.code).toBe('321322');
    expect(placed.note).toMatch(/file name "沭阳县"/);
  });

  it('stays unresolved when neither names a place', () => {
    const placed = placeReport(index, report('blank', 'blank_template_2021.docx'));
    expect(placed.outcome.ok).toBe(false);
    expect(placed.note).toBe('no region name in the unit');
  });
});
