/**
 * Imported first by main.tsx, so it runs before React and the app are evaluated: DuckDB's
 * worker starts and its wasm begins to download and compile, the longest step before the
 * first chart. On a repeat visit, instead, the store of answers kept from earlier visits is
 * opened and read (./stored.ts), the longest step before a first chart drawn from them.
 */
import { bootEngine } from './handle';
import { answersExpected, preloadAnswers } from './stored';

// Where this build kept answers before, the wasm compile (~0.3 s of a core even from the code
// cache, on the 2 cores a first view drawn from them needs) waits until that view is drawn
// (./loader.ts).
if (answersExpected()) preloadAnswers();
else bootEngine();
