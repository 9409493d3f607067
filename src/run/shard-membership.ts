// Which items belong to a shard: a hash of (file name, id, repeat) taken modulo the shard count. It depends on
// nothing but those three, so a shard is the same set of items on every machine, after every resume, and
// whatever order the files are read in; each file is spread over every shard (the file name is hashed with
// the id, so no shard gets the start of every file). The hash: FNV-1a (32 bit) over the UTF-8 bytes of
// "<file>\n<id>\n<repeat>", then murmur3's 32-bit finaliser so that consecutive ids spread evenly.
import type { ShardSpec } from '../config/shard-spec.ts';

const encoder = new TextEncoder();

export function shardHash(file: string, id: number, repeat: number): number {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(`${file}\n${id}\n${repeat}`)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 0-based shard of one (file, id, repeat) among `count`. */
export function shardOfItem(file: string, id: number, repeat: number, count: number): number {
  return shardHash(file, id, repeat) % count;
}

/** A membership test for the run's shard (every item is a member of an unsharded run). */
export function shardFilter(shard: ShardSpec | undefined): ((file: string, id: number, repeat: number) => boolean) | undefined {
  if (!shard) return undefined;
  return (file, id, repeat) => shardOfItem(file, id, repeat, shard.count) === shard.index;
}

/** How many of ids 0..lines−1 × repeats are the shard's (a progress total: blank lines are not known here). */
export function shardShare(file: string, lines: number, repeats: number, inShard: (file: string, id: number, repeat: number) => boolean): number {
  let n = 0;
  for (let id = 0; id < lines; id++) for (let r = 0; r < repeats; r++) if (inShard(file, id, r)) n++;
  return n;
}
