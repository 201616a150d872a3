// |visit AND b| for many bitsets b, the inner loop of facet counting for dense values, as a tiny
// WebAssembly SIMD kernel: about 7x faster than the same loop in JavaScript (measured: 5.5 us vs
// 38 us per 500,000-doc bitset). The bitsets it reads must live in its own memory, so callers
// keep copies there (see dense-split.ts). Falls back to JavaScript where SIMD is unavailable.
//
// The module, hand-assembled (WebAssembly text; params $a $b $blocks $n $out, all i32):
//   (import "env" "mem" (memory 1))
//   (func (export "pc") (local $acc v128) (local $i i32) (local $pa i32)
//     (loop $slots                                   ;; for each of the $n bitsets after $b
//       (local.set $acc (v128.const i32x4 0 0 0 0))
//       (local.set $i (local.get $blocks)) (local.set $pa (local.get $a))
//       (loop $words                                 ;; 16 bytes at a time
//         (local.set $acc (i32x4.add (local.get $acc) (i32x4.extadd_pairwise_i16x8_u
//           (i16x8.extadd_pairwise_i8x16_u (i8x16.popcnt
//             (v128.and (v128.load (local.get $pa)) (v128.load (local.get $b))))))))
//         ($pa += 16) ($b += 16) (br_if $words (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
//       (i32.store (local.get $out) (sum of the 4 lanes of $acc)) ($out += 4)
//       (br_if $slots (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
import { popcountAnd } from './bitset.ts';

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    const low = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? low : low | 0x80);
  } while (n !== 0);
  return out;
};
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const name = (s: string): number[] => [s.length, ...[...s].map((c) => c.charCodeAt(0))];
const simd = (op: number): number[] => [0xfd, ...leb(op)];
const get = (i: number): number[] => [0x20, i];
const set = (i: number): number[] => [0x21, i];
const addTo = (i: number, n: number): number[] => [...get(i), 0x41, n, 0x6a, ...set(i)];
const decrementAndLoop = (i: number): number[] => [
  ...get(i),
  0x41,
  0x01,
  0x6b,
  0x22,
  i,
  0x0d,
  0x00,
];
const lane = (i: number): number[] => [...get(5), ...simd(0x1b), i];
const load = (i: number): number[] => [...get(i), ...simd(0x00), 0x02, 0x00];

// prettier-ignore
const BODY = [
  0x02, 0x01, 0x7b, 0x02, 0x7f, // locals: $acc v128 (5), $i $pa i32 (6, 7)
  0x03, 0x40, // loop $slots
  ...simd(0x0c), ...new Array<number>(16).fill(0), ...set(5),
  ...get(2), ...set(6), ...get(0), ...set(7),
  0x03, 0x40, // loop $words
  ...get(5), ...load(7), ...load(1),
  ...simd(0x4e), ...simd(0x62), ...simd(0x7d), ...simd(0x7f), ...simd(0xae), // and popcnt 2x extadd add
  ...set(5), ...addTo(7, 16), ...addTo(1, 16), ...decrementAndLoop(6),
  0x0b, // end $words
  ...get(4), ...lane(0), ...lane(1), 0x6a, ...lane(2), 0x6a, ...lane(3), 0x6a,
  0x36, 0x02, 0x00, // i32.store
  ...addTo(4, 4), ...decrementAndLoop(3),
  0x0b, // end $slots
  0x0b,
];

// prettier-ignore
const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
  ...section(2, [0x01, ...name('env'), ...name('mem'), 0x02, 0x00, 0x01]),
  ...section(3, [0x01, 0x00]),
  ...section(7, [0x01, ...name('pc'), 0x00, 0x00]),
  ...section(10, [0x01, ...leb(BODY.length), ...BODY]),
]);

// The project's type libraries (ES2023 + Node) do not declare the WebAssembly global.
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
type Kernel = (a: number, b: number, blocks: number, n: number, out: number) => void;

export const SIMD_POPCOUNT = wasm?.validate(MODULE) === true;

/**
 * `count` bitsets ("slots") of `words` words each, in one block of memory that never grows.
 * countAll() gives |slot 0 AND slot i| for every other slot.
 */
export class BitsetSlots {
  readonly slots: Uint32Array[];
  private readonly stride: number;
  private readonly out: Int32Array;
  private readonly kernel: Kernel | null = null;

  constructor(count: number, words: number, simd = SIMD_POPCOUNT) {
    this.stride = Math.max(4, Math.ceil(words / 4) * 4);
    const bytes = (count * this.stride + count) * 4;
    let buffer: ArrayBuffer;
    if (wasm !== undefined && simd) {
      const memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
      const instance = new wasm.Instance(new wasm.Module(MODULE), { env: { mem: memory } });
      this.kernel = instance.exports.pc as Kernel;
      buffer = memory.buffer;
    } else buffer = new ArrayBuffer(bytes);
    const all = new Uint32Array(buffer);
    this.slots = Array.from({ length: count }, (_, i) =>
      all.subarray(i * this.stride, (i + 1) * this.stride),
    );
    this.out = new Int32Array(buffer, count * this.stride * 4, count);
  }

  get capacityDocs(): number {
    return this.stride * 32;
  }

  /** counts[i - 1] = bits set in both slot 0 and slot i, for i >= 1 (a view, valid until next call). */
  countAll(): Int32Array {
    const n = this.slots.length - 1;
    if (n === 0) return this.out.subarray(0, 0);
    if (this.kernel === null) {
      for (let i = 1; i <= n; i++)
        this.out[i - 1] = popcountAnd(this.slots[0]!, this.slots[i]!, this.stride);
    } else {
      const strideBytes = this.stride * 4;
      this.kernel(0, strideBytes, this.stride / 4, n, this.out.byteOffset);
    }
    return this.out.subarray(0, n);
  }
}
