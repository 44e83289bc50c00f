/*
 * xoshiro128** (Blackman and Vigna, public domain), seeded through splitmix32. Only 32-bit integer
 * arithmetic (Math.imul, shifts) and one exact division by 2^32, so the same seed gives the same
 * sequence on every JavaScript engine and machine. Math.random is never used.
 */

/** Hashes a string or number seed to 32 bits (FNV-1a over the UTF-16 code units, then mixed). */
export function hashSeed(seed: string | number): number {
  const text = typeof seed === 'number' ? `n:${seed}` : `s:${seed}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A small, fast, seeded pseudo-random source. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string | number, stream = 0) {
    // splitmix32 fills the four state words; `stream` gives independent sequences from one seed.
    let s = (hashSeed(seed) ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      return mix32(s);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The next 32-bit unsigned integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return p > 0 && this.float() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** A number in [min, max) rounded to `decimals` places. */
  amount(min: number, max: number, decimals = 0): number {
    const f = 10 ** decimals;
    return Math.round((min + this.float() * (max - min)) * f) / f;
  }

  /** `length` decimal digits. */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(48 + Math.floor(this.float() * 10));
    return out;
  }

  /** Capital letters. */
  letters(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(65 + Math.floor(this.float() * 26));
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
