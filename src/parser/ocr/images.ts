/**
 * Photographed or scanned page images (PNG, JPEG) → page images for OCR. Pure-JS decoders
 * (fast-png, jpeg-js), so the CLI and the browser worker decode alike. Several images are one
 * report, in the order given.
 */

import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { type Refusal, refusal } from '../../domain/refusals';
import type { ParseOptions } from '../api';
import type { ExtractedDocument } from '../document';
import { LimitExceeded } from '../extract/limits';
import { ocrPages, type PageImage, pageDpi } from './document';
import { type GreyImage, makeImage, toGrey } from './image';

/** Decoded size bound (a 600 dpi A4 page is 35 MP). */
const MAX_MEGAPIXELS = 80;
/** Images read as one report at most. */
export const MAX_IMAGES = 60;

export function isPng(bytes: Uint8Array): boolean {
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export function decodeImage(bytes: Uint8Array): PageImage {
  let image: GreyImage;
  if (isPng(bytes)) {
    const png = decodePng(bytes);
    if (png.width * png.height > MAX_MEGAPIXELS * 1e6)
      throw new LimitExceeded(tooLarge(png.width, png.height));
    image = pngToGrey(png);
  } else if (isJpeg(bytes)) {
    const jpg = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_MEGAPIXELS,
      maxMemoryUsageInMB: 1024,
    });
    image = toGrey(jpg.data, jpg.width, jpg.height, jpg.width * 4, 'rgba');
  } else throw new Error('not a PNG or JPEG image');
  // A photo's pixels-per-inch tag says nothing about the paper: the page size decides.
  return { image, dpi: pageDpi(image) };
}

function tooLarge(w: number, h: number): Refusal {
  return refusal('imageSize', { w, h, limit: MAX_MEGAPIXELS });
}

function pngToGrey(png: ReturnType<typeof decodePng>): GreyImage {
  const { width, height, channels, depth, palette } = png;
  const data = png.data as ArrayLike<number>;
  const out = makeImage(width, height);
  const scale = depth === 16 ? 1 / 257 : depth === 8 ? 1 : 255 / ((1 << depth) - 1);
  for (let i = 0; i < width * height; i++) {
    let r: number;
    let g: number;
    let b: number;
    if (palette) {
      const c = palette[data[i]!] ?? [255, 255, 255];
      [r, g, b] = [c[0]!, c[1]!, c[2]!];
    } else if (channels >= 3) {
      r = data[i * channels]! * scale;
      g = data[i * channels + 1]! * scale;
      b = data[i * channels + 2]! * scale;
    } else {
      r = g = b = data[i * channels]! * scale;
    }
    // Transparent pixels are paper.
    const alpha = channels === 4 || channels === 2 ? (data[i * channels + channels - 1]! * scale) / 255 : 1;
    const grey = (299 * r + 587 * g + 114 * b) / 1000;
    out.data[i] = grey * alpha + 255 * (1 - alpha);
  }
  return out;
}

/** Page images (already in page order) → one report document. */
export function ocrImages(
  files: readonly Uint8Array[],
  options: ParseOptions = {},
): Promise<ExtractedDocument> {
  if (files.length > MAX_IMAGES)
    throw new LimitExceeded(refusal('imageCount', { n: files.length, limit: MAX_IMAGES }));
  return ocrPages(files.length, (n) => decodeImage(files[n]!), options);
}
