import { useEffect } from 'react';
import { useUnitDirectory } from '../queries';
import { legacyNotices, resolveLegacyNames, useUi } from '../state';

/**
 * An old link (URL v1) named its units by name; once the loaded units are known, those names
 * become unit ids (src/state/legacyUnits.ts) and the address bar is rewritten in place.
 */
export function LegacyUnits() {
  const legacy = useUi((s) => s.legacyNames);
  const resolve = useUi((s) => s.resolveLegacy);
  const pending = legacy.units.length + legacy.pivot.length > 0;
  const { data } = useUnitDirectory();
  useEffect(() => {
    if (!pending || !data) return;
    const units = resolveLegacyNames(legacy.units, data);
    const pivot = resolveLegacyNames(legacy.pivot, data);
    resolve(units.unitIds, pivot.unitIds, [...legacyNotices('units', units), ...legacyNotices('pf', pivot)]);
  }, [pending, data, legacy, resolve]);
  return null;
}
