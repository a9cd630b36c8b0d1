/**
 * Text-line recognition with PaddleOCR's PP-OCRv4 Chinese recogniser (CRNN + CTC): a crop of
 * one text line → its characters, each with the model's probability. The model runs wherever an
 * `RecEngine` is given (onnxruntime-node in the CLI, onnxruntime-web in the browser); the pre-
 * and post-processing here are the model's own (PaddleOCR's rec_img_process / CTC greedy decode).
 */
import { type GreyImage, resize } from './image';

/** Runs the recogniser on a batch of [n, 3, 48, width] images; returns [n, steps, classes] probabilities. */
export interface RecEngine {
  run(
    input: Float32Array,
    batch: number,
    width: number,
  ): Promise<{ data: Float32Array; steps: number; classes: number }>;
}

/** What a recogniser needs of an onnxruntime session (onnxruntime-node and -web have the same shape). */
export interface OrtRec<T> {
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => T;
  session: {
    readonly inputNames: readonly string[];
    readonly outputNames: readonly string[];
    run(
      feeds: Record<string, T>,
    ): Promise<Record<string, { readonly dims: readonly number[]; readonly data: unknown }>>;
  };
}

/** The engine over an onnxruntime session of the recogniser model, in Node or in the browser. */
export function ortEngine<T>({ Tensor, session }: OrtRec<T>): RecEngine {
  return {
    async run(input, batch, width) {
      const tensor = new Tensor('float32', input, [batch, 3, REC_HEIGHT, width]);
      const result = await session.run({ [session.inputNames[0]!]: tensor });
      const out = result[session.outputNames[0]!]!;
      const [, steps, classes] = out.dims;
      return { data: out.data as Float32Array, steps: steps!, classes: classes! };
    },
  };
}

export const REC_HEIGHT = 48;
const BATCH = 16;
/**
 * Short crops (a figure cell) are padded to this width, as PaddleOCR pads to 320: the model reads
 * a lone digit far more surely with room around it. 96 keeps most of that for a third of the work.
 */
const PAD = 96;
/** Lines wider than this (after scaling to 48 px high) are recognised in pieces. */
const MAX_WIDTH = 1600;

export interface Recognised {
  text: string;
  /** Per output character: the probability of the chosen class. */
  probs: number[];
  /** The lowest character probability (1 for an empty result). */
  confidence: number;
  /** The same output decoded as digits only (0-9 and '.'). */
  digits?: Recognised;
}

/**
 * The recogniser's alphabet: index 0 is the CTC blank, then ppocr_keys_v1.txt in order, then
 * the space the model was trained with (use_space_char).
 */
export function alphabet(keysText: string): string[] {
  const keys = keysText.split(/\r?\n/);
  if (keys.at(-1) === '') keys.pop();
  return ['', ...keys, ' '];
}

/**
 * A grey crop → the model's input: 48 px high, width by aspect ratio, 3 channels in [-1, 1],
 * zero-padded on the right to `width` (PaddleOCR feeds short lines padded to 320 the same way).
 */
export function toInput(img: GreyImage, width: number): Float32Array {
  const w = Math.min(width, scaledWidth(img));
  const scaled = resize(img, w, REC_HEIGHT);
  const plane = REC_HEIGHT * width;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < REC_HEIGHT; y++) {
    for (let x = 0; x < w; x++) {
      const v = scaled.data[y * w + x]! / 127.5 - 1;
      const i = y * width + x;
      out[i] = v;
      out[plane + i] = v;
      out[2 * plane + i] = v;
    }
  }
  return out;
}

function scaledWidth(img: GreyImage): number {
  return Math.max(8, Math.round((REC_HEIGHT * img.width) / Math.max(1, img.height)));
}

/** The padded input width: 320 for short crops (one batch for all figure cells), else by 160 steps. */
export function inputWidth(img: GreyImage): number {
  const w = scaledWidth(img);
  return Math.min(MAX_WIDTH, w <= PAD ? PAD : Math.ceil(w / 160) * 160);
}

/**
 * CTC greedy decode of one sequence. `allowed`, when given, restricts the choice at every step to
 * those class indices (and blank): used to read a figure cell as digits. The probability kept per
 * character is the model's own (not renormalised), so a digit the model doubted stays doubtful.
 */
export function ctcDecode(
  data: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  chars: readonly string[],
  allowed?: readonly number[],
): Recognised {
  let text = '';
  const probs: number[] = [];
  let last = 0;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = data[row]!;
    if (allowed) {
      for (const c of allowed) {
        const p = data[row + c]!;
        if (p > bestP) {
          best = c;
          bestP = p;
        }
      }
    } else {
      for (let c = 1; c < classes; c++) {
        const p = data[row + c]!;
        if (p > bestP) {
          best = c;
          bestP = p;
        }
      }
    }
    if (best !== 0 && best !== last) {
      text += chars[best] ?? '';
      probs.push(bestP);
    }
    last = best;
  }
  return { text, probs, confidence: probs.length === 0 ? 1 : Math.min(...probs) };
}

export class Recogniser {
  readonly digitClasses: number[];
  constructor(
    private readonly engine: RecEngine,
    readonly chars: readonly string[],
  ) {
    this.digitClasses = [...'0123456789.'].map((d) => chars.indexOf(d)).filter((i) => i > 0);
  }

  /** Recognises crops (each one text line), batched by equal input width to save model calls. */
  async read(crops: readonly GreyImage[]): Promise<Recognised[]> {
    const out: Recognised[] = new Array(crops.length);
    const byWidth = new Map<number, number[]>();
    crops.forEach((c, i) => {
      const w = inputWidth(c);
      const list = byWidth.get(w) ?? [];
      list.push(i);
      byWidth.set(w, list);
    });
    for (const [width, indices] of byWidth) {
      for (let from = 0; from < indices.length; from += BATCH) {
        const batch = indices.slice(from, from + BATCH);
        const size = 3 * REC_HEIGHT * width;
        const input = new Float32Array(batch.length * size);
        batch.forEach((idx, b) => {
          input.set(toInput(crops[idx]!, width), b * size);
        });
        const { data, steps, classes } = await this.engine.run(input, batch.length, width);
        batch.forEach((idx, b) => {
          const offset = b * steps * classes;
          const free = ctcDecode(data, offset, steps, classes, this.chars);
          out[idx] = {
            ...free,
            digits: ctcDecode(data, offset, steps, classes, this.chars, this.digitClasses),
          };
        });
      }
    }
    return out;
  }
}
