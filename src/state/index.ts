/** The public face of src/state: the store, its hooks and the URL codec. */
export { DEFAULT_DATASET, DEFAULT_STATE } from './defaults';
export { legacyNotices, resolveLegacyNames } from './legacyUnits';
export { createUiStore, type UiStore, uiStore, urlStateOf, useUi } from './store';
export * from './types';
export { type Decoded, decodeUrl, encodeUrl, type UrlNotice } from './url/codec';
export { CURRENT_VERSION, MIGRATIONS } from './url/migrations';
export { MAX_UNITS } from './url/params';
export { bindUrl, LANG_STORAGE_KEY, type UrlHost } from './urlSync';
