import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditPath, checkpointText, leafHash, merkleRoot, verifyCheckpointSignature, verifyInclusion } from './merkle';

describe('Merkle inclusion proofs (RFC 9162)', () => {
  it('hashes the empty leaf as the RFC 6962 test vector', async () => {
    // SHA-256(0x00)
    expect(await leafHash('')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  });

  it('verifies every leaf of trees of 1 to 9 leaves and rejects tampering', async () => {
    for (let size = 1; size <= 9; size++) {
      const leaves = await Promise.all(Array.from({ length: size }, (_, i) => leafHash(`entry ${i}`)));
      const root = await merkleRoot(leaves);
      for (let i = 0; i < size; i++) {
        const path = await auditPath(i, leaves);
        expect(await verifyInclusion(i, size, leaves[i], path, root)).toBe(true);
        expect(await verifyInclusion(i, size, await leafHash(`forged ${i}`), path, root)).toBe(false);
        if (size > 1) expect(await verifyInclusion((i + 1) % size, size, leaves[i], path, root)).toBe(false);
      }
    }
  });

  it('rejects an index outside the tree', async () => {
    const leaf = await leafHash('a');
    expect(await verifyInclusion(1, 1, leaf, [], leaf)).toBe(false);
  });
});

describe('checkpoint signatures (Ed25519)', () => {
  it('accepts the signature of the checkpoint text and rejects a changed root', async () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const cp = { treeSize: 3, rootHash: 'ab'.repeat(32), signedAt: '2026-11-22T08:00:00.000Z' };
    const signature = crypto.sign(null, Buffer.from(checkpointText(cp.treeSize, cp.rootHash, cp.signedAt)), privateKey).toString('base64');
    expect(await verifyCheckpointSignature(pem, { ...cp, signature })).toBe(true);
    expect(await verifyCheckpointSignature(pem, { ...cp, rootHash: 'cd'.repeat(32), signature })).toBe(false);
  });
});
