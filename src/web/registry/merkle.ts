/**
 * Merkle inclusion proofs of the tamper-evident registry log, checked in the browser with WebCrypto SHA-256
 * (RFC 9162 §2.1: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right); hashes as hex).
 */

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.trim().toLowerCase();
  if (!/^([0-9a-f]{2})*$/.test(clean)) throw new Error(`not a hex string: ${hex.slice(0, 20)}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256(parts: Uint8Array[]): Promise<Uint8Array> {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    data.set(p, offset);
    offset += p.length;
  }
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data));
}

/** SHA-256(0x00 ‖ UTF-8 of the entry), hex. */
export async function leafHash(entry: string): Promise<string> {
  return bytesToHex(await sha256([new Uint8Array([0]), new TextEncoder().encode(entry)]));
}

/** SHA-256(0x01 ‖ left ‖ right), hex. */
export async function nodeHash(left: string, right: string): Promise<string> {
  return bytesToHex(await sha256([new Uint8Array([1]), hexToBytes(left), hexToBytes(right)]));
}

/**
 * RFC 9162 §2.1.3.2: does the audit path lead from the leaf at `index` of a tree of `size` leaves to `root`?
 */
export async function verifyInclusion(index: number, size: number, leaf: string, path: string[], root: string): Promise<boolean> {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf.toLowerCase();
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r === root.toLowerCase();
}

/** Root of a list of leaf hashes (RFC 9162 MTH), for tests and small logs. */
export async function merkleRoot(leaves: string[]): Promise<string> {
  if (leaves.length === 0) return bytesToHex(await sha256([]));
  if (leaves.length === 1) return leaves[0];
  const k = largestPowerOfTwoBelow(leaves.length);
  return nodeHash(await merkleRoot(leaves.slice(0, k)), await merkleRoot(leaves.slice(k)));
}

/** Audit path of leaf `index` (RFC 9162 PATH), for tests. */
export async function auditPath(index: number, leaves: string[]): Promise<string[]> {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  if (index < k) return [...(await auditPath(index, leaves.slice(0, k))), await merkleRoot(leaves.slice(k))];
  return [...(await auditPath(index - k, leaves.slice(k))), await merkleRoot(leaves.slice(0, k))];
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The text a checkpoint signature covers (src/server/registry/log/signing.ts). */
export function checkpointText(treeSize: number, rootHash: string, signedAt: string): string {
  return `reestr-log\n${treeSize}\n${rootHash}\n${signedAt}`;
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Ed25519 signature of a checkpoint against the SPKI PEM public key. null when this browser's WebCrypto
 * has no Ed25519 (the proof is still checked; the signature is then only shown).
 */
export async function verifyCheckpointSignature(
  publicKeyPem: string,
  checkpoint: { treeSize: number; rootHash: string; signedAt: string; signature: string },
): Promise<boolean | null> {
  const der = base64ToBytes(publicKeyPem.replace(/-----[A-Z ]+-----/g, ''));
  let key: CryptoKey;
  try {
    key = await globalThis.crypto.subtle.importKey('spki', der as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null;
  }
  const data = new TextEncoder().encode(checkpointText(checkpoint.treeSize, checkpoint.rootHash, checkpoint.signedAt));
  try {
    return await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, key, base64ToBytes(checkpoint.signature) as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}
