import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** An encrypted text as stored: AES-256-GCM ciphertext, 12-byte IV, 16-byte tag, key id. */
export interface Sealed {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/**
 * AES-256-GCM for message bodies at rest (PRODUCT §8), with a key id per message so keys
 * can rotate: new messages use the current key, old ones decrypt with the key they name.
 * Keys come from MESSAGE_KEYS ("id:base64,id:base64", the first is current).
 */
export class MessageCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(keys: { id: string; key: Buffer }[]) {
    if (!keys.length) throw new Error('MessageCipher needs at least one key');
    for (const k of keys) if (k.key.length !== 32) throw new Error(`Message key ${k.id} must be 32 bytes`);
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
    this.currentId = keys[0].id;
  }

  readonly currentId: string;

  seal(plaintext: string, aad: string): Sealed {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(aad));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.currentId, iv, tag: cipher.getAuthTag(), ciphertext };
  }

  /** Decrypts; throws when the key is unknown or the data or its `aad` were altered. */
  open(sealed: Sealed, aad: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`Unknown message key id ${sealed.keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }
}

/** Parses MESSAGE_KEYS: "k2:BASE64,k1:BASE64" → keys, current first. */
export function parseMessageKeys(raw: string): { id: string; key: Buffer }[] {
  return raw.split(',').map((part) => {
    const [id, b64] = part.trim().split(':');
    if (!id || !b64) throw new Error('MESSAGE_KEYS must look like "keyid:base64key[,keyid:base64key…]"');
    return { id, key: Buffer.from(b64, 'base64') };
  });
}
