// Python's random.Random(int).shuffle, reproduced: the Mersenne Twister seeded as CPython seeds it from an
// integer (init_by_array over its 32-bit words, least significant first) and shuffle's draws (getrandbits
// with rejection). GPQA's choice order in EvalScope comes from it, so ours must be the same permutation.

class MersenneTwister {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  constructor(seed: bigint) {
    const key: number[] = [];
    let rest = seed < 0n ? -seed : seed;
    do {
      key.push(Number(rest & 0xffffffffn));
      rest >>= 32n;
    } while (rest > 0n);
    this.initByArray(key);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = 624;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(624, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = 623; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < 624; i++) {
      const y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
      mt[i] = mt[(i + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }

  uint32(): number {
    if (this.index >= 624) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random.getrandbits(k) for 1 <= k <= 32. */
  bits(k: number): number {
    return this.uint32() >>> (32 - k);
  }

  /** random._randbelow(n): a uniform integer in [0, n) by rejection, as CPython draws it. */
  below(n: number): number {
    const k = Math.floor(Math.log2(n)) + 1;
    let r = this.bits(k);
    while (r >= n) r = this.bits(k);
    return r;
  }
}

/** random.Random(seed).shuffle(items), in place; returns items. Lists up to 2^31 long. */
export function pythonShuffle<T>(items: T[], seed: bigint): T[] {
  const rng = new MersenneTwister(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
