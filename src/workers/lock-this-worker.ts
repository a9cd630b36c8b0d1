/**
 * Imported first by every module worker that parses untrusted bytes: ES modules run in import
 * order, so the lock is in place before any parser module is even evaluated.
 */
import { lockNetwork } from './network-lock';

lockNetwork(globalThis);
