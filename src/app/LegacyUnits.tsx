import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { unitDirectoryQuery } from '../queries';
import { legacyNotices, resolveLegacyNames, useUi } from '../state';

/**
 * An old link (URL v1) named its units by name; once the loaded units are known, those names
 * become unit ids (src/state/legacyUnits.ts) and the address bar is rewritten in place. A name no
 * loaded unit holds stays pending (with a notice, once): a saved import restored after the first
 * chart may bring it, and then it resolves too.
 */
export function LegacyUnits() {
  const legacy = useUi((s) => s.legacyNames);
  const resolve = useUi((s) => s.resolveLegacy);
  const pending = legacy.units.length + legacy.pivot.length > 0;
  const { data } = useQuery(unitDirectoryQuery());
  const noticed = useRef(new Set<string>());
  useEffect(() => {
    if (!pending || !data) return;
    const units = resolveLegacyNames(legacy.units, data);
    const pivot = resolveLegacyNames(legacy.pivot, data);
    if (units.unitIds.length + pivot.unitIds.length === 0 && noticed.current.size > 0) return;
    const fresh = (names: string[]) => names.filter((n) => !noticed.current.has(n));
    const notices = [
      ...legacyNotices('units', { ...units, unknown: fresh(units.unknown) }),
      ...legacyNotices('pf', { ...pivot, unknown: fresh(pivot.unknown) }),
    ];
    for (const n of [...units.unknown, ...pivot.unknown]) noticed.current.add(n);
    resolve(units.unitIds, pivot.unitIds, notices, { units: units.unknown, pivot: pivot.unknown });
  }, [pending, data, legacy, resolve]);
  return null;
}
