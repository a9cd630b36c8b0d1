/**
 * A greyscale page image (0 = black, 255 = white), one byte per pixel, rows top to bottom. The
 * OCR path works on this alone, so a rendered PDF page and a decoded photo are the same thing.
 */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function makeImage(width: number, height: number, fill = 255): GreyImage {
  return { width, height, data: new Uint8Array(width * height).fill(fill) };
}

/** RGBA or BGRA pixels → grey (ITU-R BT.601 luma; the channel order only swaps R and B weights). */
export function toGrey(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  stride: number,
  order: 'rgba' | 'bgra',
): GreyImage {
  const out = makeImage(width, height);
  const [wr, wb] = order === 'rgba' ? [299, 114] : [114, 299];
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const i = row + x * 4;
      out.data[y * width + x] = (wr * pixels[i]! + 587 * pixels[i + 1]! + wb * pixels[i + 2]!) / 1000;
    }
  }
  return out;
}

export function crop(img: GreyImage, x0: number, y0: number, x1: number, y1: number): GreyImage {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(img.width, Math.ceil(x1));
  const bottom = Math.min(img.height, Math.ceil(y1));
  const w = Math.max(0, right - left);
  const h = Math.max(0, bottom - top);
  const out = makeImage(w, h);
  for (let y = 0; y < h; y++) {
    out.data.set(img.data.subarray((top + y) * img.width + left, (top + y) * img.width + left + w), y * w);
  }
  return out;
}

/** Bilinear resize. */
export function resize(img: GreyImage, width: number, height: number): GreyImage {
  const out = makeImage(width, height);
  const sx = img.width / width;
  const sy = img.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(img.height - 1, Math.floor(fy));
    const y1 = Math.min(img.height - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.min(img.width - 1, Math.floor(fx));
      const x1 = Math.min(img.width - 1, x0 + 1);
      const dx = fx - x0;
      const a = img.data[y0 * img.width + x0]!;
      const b = img.data[y0 * img.width + x1]!;
      const c = img.data[y1 * img.width + x0]!;
      const d = img.data[y1 * img.width + x1]!;
      out.data[y * width + x] = (a * (1 - dx) + b * dx) * (1 - dy) + (c * (1 - dx) + d * dx) * dy;
    }
  }
  return out;
}

/**
 * Rotation about the centre by `radians` (positive: counter-clockwise as seen), same size,
 * bilinear, white outside. Used to undo a scan's slight skew.
 */
export function rotate(img: GreyImage, radians: number): GreyImage {
  const { width: w, height: h, data } = img;
  const out = makeImage(w, h);
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Inverse map: where this output pixel comes from in the input.
      const dx = x - cx;
      const dy = y - cy;
      const fx = cos * dx - sin * dy + cx;
      const fy = sin * dx + cos * dy + cy;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const ax = fx - x0;
      const ay = fy - y0;
      const i = y0 * w + x0;
      const top = data[i]! * (1 - ax) + data[i + 1]! * ax;
      const bottom = data[i + w]! * (1 - ax) + data[i + w + 1]! * ax;
      out.data[y * w + x] = top * (1 - ay) + bottom * ay;
    }
  }
  return out;
}

/** A dark-pixel threshold between ink and paper (Otsu on the histogram), clamped to a sane range. */
export function inkThreshold(img: GreyImage): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]!]!++;
  const total = img.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return Math.min(200, Math.max(80, threshold));
}

/**
 * The pixels of `box` (clipped to `clip`, and to where `keep` says) on a white margin of
 * `padX`/`padY`: a crop for the recogniser that never shows a neighbouring cell's rule or dust.
 */
export function cropOnWhite(
  img: GreyImage,
  box: { x0: number; y0: number; x1: number; y1: number },
  clip: { x0: number; y0: number; x1: number; y1: number },
  padX: number,
  padY: number,
  keep?: (x: number, y: number) => boolean,
): GreyImage {
  const w = Math.max(1, Math.round(box.x1 - box.x0 + 2 * padX));
  const h = Math.max(1, Math.round(box.y1 - box.y0 + 2 * padY));
  const out = makeImage(w, h);
  const ox = Math.round(box.x0 - padX);
  const oy = Math.round(box.y0 - padY);
  const x0 = Math.max(ox, Math.ceil(clip.x0), 0);
  const x1 = Math.min(ox + w, Math.floor(clip.x1), img.width);
  const y0 = Math.max(oy, Math.ceil(clip.y0), 0);
  const y1 = Math.min(oy + h, Math.floor(clip.y1), img.height);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (!keep || keep(x, y)) out.data[(y - oy) * w + (x - ox)] = img.data[y * img.width + x]!;
    }
  }
  return out;
}
