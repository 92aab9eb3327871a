import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT,
  MerkleFrontier,
  consistencyProof,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofRanges,
  leafHash,
  nodeHash,
  rootOf,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from './merkle';

const sha = (...parts: (number[] | Buffer)[]) => {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(Buffer.isBuffer(p) ? p : Buffer.from(p));
  return h.digest();
};
const leaves = (n: number): Hash[] => Array.from({ length: n }, (_, i) => leafHash(`entry ${i}`));

/** A deterministic pseudo-random sequence, so failures repeat. */
function* randomSizes(count: number, max: number, seed = 7) {
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield 1 + (x % max);
  }
}

describe('hashes (RFC 6962 §2.1)', () => {
  it('prefixes leaves with 0x00 and nodes with 0x01', () => {
    expect(leafHash('')).toEqual(sha([0]));
    expect(leafHash(Buffer.from('abc'))).toEqual(sha([0], Buffer.from('abc')));
    const [a, b] = leaves(2) as [Hash, Hash];
    expect(nodeHash(a, b)).toEqual(sha([1], a, b));
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches the RFC 6962 test vector for the empty leaf', () => {
    expect(leafHash('').toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  });

  it('splits at the largest power of two below n', () => {
    expect([2, 3, 4, 5, 8, 9, 1000].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 512]);
  });

  it('computes small roots by hand', () => {
    const [a, b, c, d, e] = leaves(5) as Hash[];
    expect(rootOf([])).toEqual(EMPTY_ROOT);
    expect(rootOf([a!])).toEqual(a);
    expect(rootOf([a!, b!])).toEqual(nodeHash(a!, b!));
    expect(rootOf([a!, b!, c!])).toEqual(nodeHash(nodeHash(a!, b!), c!));
    expect(rootOf([a!, b!, c!, d!])).toEqual(nodeHash(nodeHash(a!, b!), nodeHash(c!, d!)));
    expect(rootOf([a!, b!, c!, d!, e!])).toEqual(nodeHash(nodeHash(nodeHash(a!, b!), nodeHash(c!, d!)), e!));
    const seven = leaves(7);
    const [l0, l1, l2, l3, l4, l5, l6] = seven as Hash[];
    expect(rootOf(seven)).toEqual(nodeHash(nodeHash(nodeHash(l0!, l1!), nodeHash(l2!, l3!)), nodeHash(nodeHash(l4!, l5!), l6!)));
  });
});

describe('frontier', () => {
  it('gives the same root as full recomputation at every size up to 300', () => {
    const all = leaves(300);
    const f = MerkleFrontier.empty();
    expect(f.root()).toEqual(EMPTY_ROOT);
    all.forEach((leaf, i) => {
      f.append(leaf);
      expect(f.size).toBe(i + 1);
      expect(f.root()).toEqual(rootOf(all, 0, i + 1));
    });
  });

  it('holds one hash per set bit of the size, the complete subtrees largest first', () => {
    const all = leaves(13);
    const f = MerkleFrontier.empty();
    all.forEach((l) => f.append(l));
    expect(f.frontier).toEqual([rootOf(all, 0, 8), rootOf(all, 8, 12), all[12]]);
  });

  it('continues from a stored frontier (random sizes)', () => {
    const all = leaves(700);
    for (const m of randomSizes(40, 600)) {
      const f = MerkleFrontier.empty();
      all.slice(0, m).forEach((l) => f.append(l));
      const restored = MerkleFrontier.of(m, f.frontier);
      all.slice(m).forEach((l) => restored.append(l));
      expect(restored.root()).toEqual(rootOf(all));
    }
    expect(() => MerkleFrontier.of(5, leaves(3))).toThrow('2 complete subtrees');
  });

  it('takes the suffix of a stored frontier inside an RFC subtree', () => {
    const all = leaves(64);
    for (const [start, size, end] of [
      [32, 45, 64],
      [48, 50, 64],
      [0, 13, 16],
      [40, 40, 48],
    ] as const) {
      const f = MerkleFrontier.empty();
      all.slice(0, size).forEach((l) => f.append(l));
      const s = MerkleFrontier.suffix(size, f.frontier, start);
      all.slice(size, end).forEach((l) => s.append(l));
      expect(s.root()).toEqual(rootOf(all, start, end));
    }
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  it('has the audit paths of a tree of 7 (RFC 6962 §2.1.3 example)', () => {
    const d = leaves(7);
    const [a, b, c, e, f, g, h] = d as Hash[];
    // a: [b, h(c,d), h(h(e,f),g)]; d: [c, h(a,b), h(h(e,f),g)]; g: [h(e,f), h(h(a,b),h(c,d))]
    expect(inclusionProof(0, d)).toEqual([b, nodeHash(c!, e!), nodeHash(nodeHash(f!, g!), h!)]);
    expect(inclusionProof(3, d)).toEqual([c, nodeHash(a!, b!), nodeHash(nodeHash(f!, g!), h!)]);
    expect(inclusionProof(6, d)).toEqual([nodeHash(f!, g!), nodeHash(nodeHash(a!, b!), nodeHash(c!, e!))]);
    expect(inclusionProofRanges(6, 7)).toEqual([
      { start: 4, end: 6 },
      { start: 0, end: 4 },
    ]);
  });

  it('verifies every leaf of trees of every size up to 40 and rejects wrong ones', () => {
    for (let n = 1; n <= 40; n++) {
      const d = leaves(n);
      const root = rootOf(d);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, d);
        expect(verifyInclusion(d[i]!, i, n, proof, root)).toBe(true);
        expect(verifyInclusion(leafHash('other'), i, n, proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(d[i]!, (i + 1) % n, n, proof, root)).toBe(false);
        expect(verifyInclusion(d[i]!, i, n, [...proof, root], root)).toBe(false);
      }
    }
  });

  it('verifies random leaves of random large trees', () => {
    const d = leaves(3000);
    const sizes = [...randomSizes(15, 3000, 11)];
    for (const n of sizes) {
      const root = rootOf(d, 0, n);
      for (const i of randomSizes(5, n, n)) expect(verifyInclusion(d[i - 1]!, i - 1, n, inclusionProof(i - 1, d.slice(0, n)), root)).toBe(true);
    }
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  it('has the proofs of the RFC 6962 §2.1.3 example tree', () => {
    const d = leaves(7);
    const [a, b, c, e, f, g, h] = d as Hash[];
    // PROOF(3, D[7]) = [c, d, g, l]; PROOF(4, D[7]) = [l]; PROOF(6, D[7]) = [i, j, k]
    expect(consistencyProof(3, d)).toEqual([c, e, nodeHash(a!, b!), nodeHash(nodeHash(f!, g!), h!)]);
    expect(consistencyProof(4, d)).toEqual([nodeHash(nodeHash(f!, g!), h!)]);
    expect(consistencyProof(6, d)).toEqual([nodeHash(f!, g!), h, nodeHash(nodeHash(a!, b!), nodeHash(c!, e!))]);
    expect(consistencyProofRanges(0, 7)).toEqual([]);
    expect(consistencyProofRanges(7, 7)).toEqual([]);
  });

  it('verifies every pair of sizes up to 33 and rejects wrong roots and proofs', () => {
    const d = leaves(33);
    for (let n = 1; n <= 33; n++)
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, d.slice(0, n));
        const oldRoot = rootOf(d, 0, m);
        const newRoot = rootOf(d, 0, n);
        expect(verifyConsistency(m, n, proof, oldRoot, newRoot)).toBe(true);
        if (m < n) {
          expect(verifyConsistency(m, n, proof, leafHash('forged'), newRoot)).toBe(false);
          expect(verifyConsistency(m, n, proof, oldRoot, leafHash('forged'))).toBe(false);
          expect(verifyConsistency(m, n, proof.slice(1), oldRoot, newRoot)).toBe(false);
        }
      }
  });

  it('verifies random pairs in a large tree', () => {
    const d = leaves(2500);
    for (const n of randomSizes(12, 2500, 3))
      for (const m of randomSizes(4, n, n + 1))
        expect(verifyConsistency(m, n, consistencyProof(m, d.slice(0, n)), rootOf(d, 0, m), rootOf(d, 0, n))).toBe(true);
  });
});
