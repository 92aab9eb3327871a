/**
 * The Ed25519 key that signs log checkpoints. It comes from REESTR_LOG_KEY (PEM text, so that several server
 * processes on one PostgreSQL sign with one key) or from the PEM file REESTR_LOG_KEY_FILE, which is created
 * with mode 0600 on first use when missing. key_id is the first 16 hex digits of SHA-256 of the public key's
 * SPKI DER; a checkpoint signs `reestr-log\n<tree_size>\n<root_hash_hex>\n<signed_at>`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface LogKey {
  keyId: string;
  /** The private key (a KeyObject can be passed to a worker thread, which signs with it). */
  privateKey: crypto.KeyObject;
  publicKeyPem: string;
  /** Base64 Ed25519 signature of the text. */
  sign(text: string): string;
  verify(text: string, signatureBase64: string): boolean;
}

export function checkpointText(treeSize: number, rootHashHex: string, signedAt: string): string {
  return `reestr-log\n${treeSize}\n${rootHashHex}\n${signedAt}`;
}

export function keyIdOf(publicKey: crypto.KeyObject): string {
  return crypto
    .createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** A verifier for signatures made with the key whose public half is given (PEM), e.g. for offline checks. */
export function publicLogKey(publicKeyPem: string): Pick<LogKey, 'keyId' | 'publicKeyPem' | 'verify'> {
  const publicKey = crypto.createPublicKey(publicKeyPem);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    verify: (text, signature) => verifySignature(publicKey, text, signature),
  };
}

function verifySignature(publicKey: crypto.KeyObject, text: string, signature: string): boolean {
  try {
    return crypto.verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function logKeyFromPem(pem: string, source = 'the log key'): LogKey {
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(pem);
  } catch (e) {
    throw new Error(`${source} is not a PEM private key: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${source} must be an Ed25519 key (got ${privateKey.asymmetricKeyType ?? 'unknown'})`);
  return logKeyFromKeyObject(privateKey);
}

export function logKeyFromKeyObject(privateKey: crypto.KeyObject): LogKey {
  const publicKey = crypto.createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey,
    sign: (text) => crypto.sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
    verify: (text, signature) => verifySignature(publicKey, text, signature),
  };
}

export function generateLogKeyPem(): string {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The configured key: PEM text if given, else the file (created with mode 0600 when missing). */
export function loadLogKey(options: { pem?: string; file: string }): LogKey {
  if (options.pem) return logKeyFromPem(options.pem.replace(/\\n/g, '\n'), 'REESTR_LOG_KEY');
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // wx: two processes starting at once must not overwrite each other's new key
      fs.writeFileSync(file, generateLogKeyPem(), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return logKeyFromPem(fs.readFileSync(file, 'utf8'), file);
}

/** Where the key file lives unless REESTR_LOG_KEY_FILE says: next to the SQLite database, else ./data. */
export function defaultLogKeyFile(databaseUrl: string): string {
  if (databaseUrl.startsWith('sqlite:')) {
    const location = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (location && location !== ':memory:') return path.join(path.dirname(location), 'registry-log-key.pem');
  }
  return path.join('data', 'registry-log-key.pem');
}
