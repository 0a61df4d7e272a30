/**
 * Whether a long text holds two spaces in a row, found with WebAssembly SIMD. Normalizing a
 * line of plain text (`collapseSpaces`) first asks whether it holds `"  "`, and for an abstract
 * that search is most of the work: spaces stand every few characters, so the native search stops
 * at each of them (about 1.2 GB/s). Sixteen bytes compared at once read about seven times as
 * fast, copying the text's UTF-8 into the module's memory included. A space is the byte 0x20
 * in UTF-8 and no other character's bytes hold it, so the bytes hold two in a row exactly when
 * the text does.
 */
/**
 * The module, one function `f(n)`: 1 when bytes `[0, n)` of its memory `m` (one 64 KB page)
 * hold two 0x20 bytes in a row, else 0. As text:
 *
 *   (func (param $n i32) (result i32) (local $i i32) (local $space v128)
 *     (local.set $space (i8x16.splat (i32.const 32)))
 *     (block (loop  ;; 16 positions at a time: bytes i..i+15 against bytes i+1..i+16
 *       (br_if 1 (i32.gt_u (i32.add (local.get $i) (i32.const 17)) (local.get $n)))
 *       (if (v128.any_true (v128.and
 *             (i8x16.eq (v128.load offset=0 (local.get $i)) (local.get $space))
 *             (i8x16.eq (v128.load offset=1 (local.get $i)) (local.get $space))))
 *         (then (return (i32.const 1))))
 *       (local.set $i (i32.add (local.get $i) (i32.const 16)))
 *       (br 0)))
 *     (block (loop  ;; the last positions one by one
 *       (br_if 1 (i32.ge_u (i32.add (local.get $i) (i32.const 1)) (local.get $n)))
 *       (if (i32.and (i32.eq (i32.load8_u offset=0 (local.get $i)) (i32.const 32))
 *                    (i32.eq (i32.load8_u offset=1 (local.get $i)) (i32.const 32)))
 *         (then (return (i32.const 1))))
 *       (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *       (br 0)))
 *     (i32.const 0))
 */
// prettier-ignore
const CODE = [
  0x02, 0x01, 0x7f, 0x01, 0x7b, // locals: $i i32, $space v128
  0x41, 0x20, 0xfd, 0x0f, 0x21, 0x02,
  0x02, 0x40, 0x03, 0x40,
  0x20, 0x01, 0x41, 0x11, 0x6a, 0x20, 0x00, 0x4b, 0x0d, 0x01,
  0x20, 0x01, 0xfd, 0x00, 0x00, 0x00, 0x20, 0x02, 0xfd, 0x23,
  0x20, 0x01, 0xfd, 0x00, 0x00, 0x01, 0x20, 0x02, 0xfd, 0x23,
  0xfd, 0x4e, 0xfd, 0x53,
  0x04, 0x40, 0x41, 0x01, 0x0f, 0x0b,
  0x20, 0x01, 0x41, 0x10, 0x6a, 0x21, 0x01,
  0x0c, 0x00, 0x0b, 0x0b,
  0x02, 0x40, 0x03, 0x40,
  0x20, 0x01, 0x41, 0x01, 0x6a, 0x20, 0x00, 0x4f, 0x0d, 0x01,
  0x20, 0x01, 0x2d, 0x00, 0x00, 0x41, 0x20, 0x46,
  0x20, 0x01, 0x2d, 0x00, 0x01, 0x41, 0x20, 0x46,
  0x71,
  0x04, 0x40, 0x41, 0x01, 0x0f, 0x0b,
  0x20, 0x01, 0x41, 0x01, 0x6a, 0x21, 0x01,
  0x0c, 0x00, 0x0b, 0x0b,
  0x41, 0x00, 0x0b,
];

/** A module section: its id, its size (every section here is under 128 bytes) and its bytes. */
const section = (id: number, bytes: number[]): number[] => [id, bytes.length, ...bytes];

// prettier-ignore
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  ...section(1, [0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]), // one type: (i32) -> i32
  ...section(3, [0x01, 0x00]), // one function of that type
  ...section(5, [0x01, 0x00, 0x01]), // one memory of one page
  ...section(7, [0x02, 0x01, 0x66, 0x00, 0x00, 0x01, 0x6d, 0x02, 0x00]), // exports "f" and "m"
  ...section(10, [0x01, CODE.length, ...CODE]),
]);

/** Texts shorter than this are searched natively: below it the copy costs what the search saves. */
const SHORTEST = 128;

interface Scanner {
  hasPair: (length: number) => number;
  memory: Uint8Array;
}

/** The compiled module, or `undefined` where WebAssembly SIMD is missing (the native search is then used). */
const scanner: Scanner | undefined = (() => {
  if (typeof WebAssembly !== 'object' || !WebAssembly.validate(MODULE)) return undefined;
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
  return {
    hasPair: exports.f as (length: number) => number,
    memory: new Uint8Array((exports.m as WebAssembly.Memory).buffer),
  };
})();
const encoder = new TextEncoder();

/** Whether the SIMD search runs here (Node has WebAssembly SIMD); when not, the native one does. */
export const simdSearch = scanner !== undefined;

/** Whether `text` holds two spaces in a row (`text.includes('  ')`). */
export function hasDoubleSpace(text: string): boolean {
  // A UTF-16 code unit takes at most 3 UTF-8 bytes: a text that may not fit is searched natively.
  if (scanner === undefined || text.length < SHORTEST || text.length * 3 > scanner.memory.length) {
    return text.includes('  ');
  }
  const { written } = encoder.encodeInto(text, scanner.memory);
  return scanner.hasPair(written) === 1;
}
