import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/util/sha256';

describe(sha256Hex, () => {
  it('gives the standard SHA-256 of the bytes as lowercase hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('agrees with WebCrypto (the browser path)', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const web = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    expect(await sha256Hex(bytes)).toBe(Array.from(web, (b) => b.toString(16).padStart(2, '0')).join(''));
  });
});
