/**
 * The Merkle tree of certificate transparency (RFC 6962 §2.1, RFC 9162 §2.1): leaf hash
 * SHA-256(0x00 ‖ entry), node hash SHA-256(0x01 ‖ left ‖ right), the root of n leaves split at the largest
 * power of two smaller than n. A frontier (the hashes of the maximal complete subtrees, largest first) extends
 * the tree in O(log n) per leaf without the old leaves. Inclusion and consistency proofs are described by the
 * subtree ranges they consist of, so a store can compute those hashes however it likes, and verified per
 * RFC 9162 §2.1.3.2 and §2.1.4.2.
 */
import crypto from 'node:crypto';

export type Hash = Buffer;

/** A subtree [start, end) of leaves, always one the RFC's split rule produces. */
export interface Range {
  start: number;
  end: number;
}

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function leafHash(entry: string | Uint8Array): Hash {
  return crypto.createHash('sha256').update(LEAF).update(entry).digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return crypto.createHash('sha256').update(NODE).update(left).update(right).digest();
}

/** The root of the empty tree: the hash of the empty string. */
export const EMPTY_ROOT: Hash = crypto.createHash('sha256').digest();

/** The largest power of two smaller than n (n > 1). */
export function splitPoint(n: number): number {
  if (n < 2) throw new RangeError(`no split point for ${n} leaves`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) computed from all leaf hashes (the RFC's definition, recursively). */
export function rootOf(leaves: readonly Hash[], start = 0, end = leaves.length): Hash {
  const n = end - start;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[start]!;
  const k = splitPoint(n);
  return nodeHash(rootOf(leaves, start, start + k), rootOf(leaves, start + k, end));
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x % 2;
  return c;
}

/** The maximal complete subtrees of a tree of `size` leaves (largest first), as ranges. */
export function frontierRanges(size: number): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (let bit = 2 ** 52; bit >= 1; bit /= 2)
    if (Math.floor(size / bit) % 2 === 1) {
      out.push({ start, end: start + bit });
      start += bit;
    }
  return out;
}

/** A tree kept as its frontier: append leaves and read the root without the old leaves. */
export class MerkleFrontier {
  private constructor(
    private n: number,
    private readonly hashes: Hash[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** From a stored frontier of a tree of `size` leaves (one hash per set bit of size, largest subtree first). */
  static of(size: number, hashes: readonly Hash[]): MerkleFrontier {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`bad tree size ${size}`);
    if (hashes.length !== popcount(size)) throw new RangeError(`a tree of ${size} leaves has ${popcount(size)} complete subtrees, not ${hashes.length}`);
    return new MerkleFrontier(size, [...hashes]);
  }

  /**
   * The part of a stored frontier of `size` leaves that covers [start, size), as the frontier of a tree of
   * size - start leaves. `start` must begin an RFC subtree that contains position size (a multiple of a power
   * of two larger than size - start), which holds for every subtree of a larger tree that straddles `size`.
   */
  static suffix(size: number, hashes: readonly Hash[], start: number): MerkleFrontier {
    const count = popcount(size - start);
    if (start > size || hashes.length < count) throw new RangeError(`no frontier suffix from ${start} in a tree of ${size}`);
    return MerkleFrontier.of(size - start, hashes.slice(hashes.length - count));
  }

  get size(): number {
    return this.n;
  }

  get frontier(): readonly Hash[] {
    return this.hashes;
  }

  append(leaf: Hash): this {
    this.hashes.push(leaf);
    // every trailing set bit of the old size is a complete subtree of the same size as what follows: merge
    for (let m = this.n; m % 2 === 1; m = Math.floor(m / 2)) {
      const right = this.hashes.pop()!;
      const left = this.hashes.pop()!;
      this.hashes.push(nodeHash(left, right));
    }
    this.n += 1;
    return this;
  }

  root(): Hash {
    if (this.hashes.length === 0) return EMPTY_ROOT;
    let h = this.hashes[this.hashes.length - 1]!;
    for (let i = this.hashes.length - 2; i >= 0; i--) h = nodeHash(this.hashes[i]!, h);
    return h;
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier(this.n, [...this.hashes]);
  }
}

/** The subtrees whose hashes make the audit path of leaf `index` in a tree of `size` (RFC 6962 PATH), leaf side first. */
export function inclusionProofRanges(index: number, size: number): Range[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const out: Range[] = [];
  const walk = (m: number, start: number, end: number) => {
    const n = end - start;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, start + k);
      out.push({ start: start + k, end });
    } else {
      walk(m - k, start + k, end);
      out.push({ start, end: start + k });
    }
  };
  walk(index, 0, size);
  return out;
}

/** The subtrees whose hashes prove a tree of `oldSize` leaves a prefix of one of `newSize` (RFC 6962 PROOF). */
export function consistencyProofRanges(oldSize: number, newSize: number): Range[] {
  if (!(oldSize >= 0 && oldSize <= newSize)) throw new RangeError(`no consistency proof from ${oldSize} to ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const out: Range[] = [];
  const sub = (m: number, start: number, end: number, whole: boolean) => {
    const n = end - start;
    if (m === n) {
      if (!whole) out.push({ start, end });
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, start, start + k, whole);
      out.push({ start: start + k, end });
    } else {
      sub(m - k, start + k, end, false);
      out.push({ start, end: start + k });
    }
  };
  sub(oldSize, 0, newSize, true);
  return out;
}

/** Hashes of the given ranges over a full list of leaf hashes (tests, small trees). */
export function rangeHashes(leaves: readonly Hash[], ranges: readonly Range[]): Hash[] {
  return ranges.map((r) => rootOf(leaves, r.start, r.end));
}

export const inclusionProof = (index: number, leaves: readonly Hash[]) => rangeHashes(leaves, inclusionProofRanges(index, leaves.length));
export const consistencyProof = (oldSize: number, leaves: readonly Hash[]) => rangeHashes(leaves, consistencyProofRanges(oldSize, leaves.length));

/** RFC 9162 §2.1.3.2: does `proof` show leaf `index` with hash `leaf` in the tree of `size` with `root`? */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (!(index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else r = nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of `oldSize` with `oldRoot` a prefix of the tree of `newSize` with `newRoot`? */
export function verifyConsistency(oldSize: number, newSize: number, proof: readonly Hash[], oldRoot: Hash, newRoot: Hash): boolean {
  if (!(oldSize >= 0 && oldSize <= newSize)) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = [...proof];
  // when the old tree is a complete subtree of the new one, its root is the proof's implicit first element
  if (Number.isInteger(Math.log2(oldSize))) path.unshift(oldRoot);
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else sr = nodeHash(sr, c);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

export const toHex = (h: Hash) => h.toString('hex');
export const fromHex = (s: string): Hash => {
  if (!/^[0-9a-f]{64}$/.test(s)) throw new RangeError(`not a SHA-256 hex digest: ${s.slice(0, 80)}`);
  return Buffer.from(s, 'hex');
};
