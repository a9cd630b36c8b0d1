/**
 * Imported first by main.tsx, so it runs before React and the app are evaluated: DuckDB's
 * worker starts and its wasm begins to download and compile, the longest step before the
 * first chart.
 */
import { bootEngine } from './handle';

bootEngine();
