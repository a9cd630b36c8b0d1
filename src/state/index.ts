/** The public face of src/state: the store, its hooks and the URL codec. */

export { MAX_UNITS } from '../domain/vocab';
export { DEFAULT_DATASET, DEFAULT_STATE } from './defaults';
export { legacyNotices, resolveLegacyNames } from './legacyUnits';
export { createUiStore, type UiActions, type UiStore, uiStore, urlStateOf, useUi } from './store';
export * from './types';
export { type Decoded, decodeUrl, encodeUrl, type UrlNotice } from './url/codec';
export { CURRENT_VERSION, MIGRATIONS } from './url/migrations';
export { REASON_CODES, type Reason, type ReasonCode } from './url/reasons';
export { bindUrl, LANG_STORAGE_KEY, linkOf, type UrlHost } from './urlSync';
