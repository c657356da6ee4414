import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual } from "node:crypto";

/**
 * A minimal PKCS#12 (PFX) reader on node:crypto: the private key (still encrypted PKCS#8, which OpenSSL
 * decrypts through `createPrivateKey`) and the certificates. It understands what Windows, macOS and
 * OpenSSL export today: PBES2 (PBKDF2 + AES or 3DES) and PKCS#12's SHA-1/3DES for the encrypted parts,
 * an HMAC integrity check verified before anything is used. RC2-40 (OpenSSL 1.x's default for the
 * certificates) is not loaded by Node's OpenSSL 3, so such files are refused with how to re-export them.
 * Loaded only when a PFX is given.
 */

const OID = {
  data: "1.2.840.113549.1.7.1",
  encryptedData: "1.2.840.113549.1.7.6",
  keyBag: "1.2.840.113549.1.12.10.1.1",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  pbes2: "1.2.840.113549.1.5.13",
  pbkdf2: "1.2.840.113549.1.5.12",
  pbeSha1TripleDes: "1.2.840.113549.1.12.1.3",
  pbeSha1Rc2_40: "1.2.840.113549.1.12.1.6",
  pbeSha1Rc2_128: "1.2.840.113549.1.12.1.5",
} as const;

const HASH_BY_OID: Record<string, { name: string; u: number; v: number }> = {
  "1.3.14.3.2.26": { name: "sha1", u: 20, v: 64 },
  "2.16.840.1.101.3.4.2.1": { name: "sha256", u: 32, v: 64 },
  "2.16.840.1.101.3.4.2.2": { name: "sha384", u: 48, v: 128 },
  "2.16.840.1.101.3.4.2.3": { name: "sha512", u: 64, v: 128 },
};
const HMAC_PRF_BY_OID: Record<string, string> = {
  "1.2.840.113549.2.7": "sha1",
  "1.2.840.113549.2.9": "sha256",
  "1.2.840.113549.2.10": "sha384",
  "1.2.840.113549.2.11": "sha512",
};
const CIPHER_BY_OID: Record<string, { name: string; keyLength: number }> = {
  "2.16.840.1.101.3.4.1.2": { name: "aes-128-cbc", keyLength: 16 },
  "2.16.840.1.101.3.4.1.22": { name: "aes-192-cbc", keyLength: 24 },
  "2.16.840.1.101.3.4.1.42": { name: "aes-256-cbc", keyLength: 32 },
  "1.2.840.113549.3.7": { name: "des-ede3-cbc", keyLength: 24 },
};

/** A DER element: its tag byte and its content bytes. */
interface Der {
  tag: number;
  content: Buffer;
}

class Pkcs12Error extends TypeError {}

function readElement(buffer: Buffer, offset: number): { element: Der; next: number } {
  if (offset + 2 > buffer.length) throw new Pkcs12Error("truncated DER");
  const tag = buffer[offset]!;
  let length = buffer[offset + 1]!;
  let header = 2;
  if (length === 0x80) throw new Pkcs12Error("indefinite-length (BER) encoding is not supported");
  if (length > 0x80) {
    const bytes = length & 0x7f;
    if (bytes > 4) throw new Pkcs12Error("DER length too large");
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + buffer[offset + 2 + i]!;
    header += bytes;
  }
  const start = offset + header;
  if (start + length > buffer.length) throw new Pkcs12Error("truncated DER");
  return { element: { tag, content: buffer.subarray(start, start + length) }, next: start + length };
}

function parse(buffer: Buffer): Der {
  return readElement(buffer, 0).element;
}

function children(element: Der): Der[] {
  const out: Der[] = [];
  let offset = 0;
  while (offset < element.content.length) {
    const { element: child, next } = readElement(element.content, offset);
    out.push(child);
    offset = next;
  }
  return out;
}

function oid(element: Der): string {
  if (element.tag !== 0x06) throw new Pkcs12Error("expected an OBJECT IDENTIFIER");
  const bytes = element.content;
  const parts = [Math.floor(bytes[0]! / 40), bytes[0]! % 40];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    value = value * 128 + (bytes[i]! & 0x7f);
    if ((bytes[i]! & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

function integer(element: Der): number {
  if (element.tag !== 0x02) throw new Pkcs12Error("expected an INTEGER");
  return element.content.reduce((n, b) => n * 256 + b, 0);
}

/** The bytes of an OCTET STRING, also when encoded constructed (chunks). */
function octets(element: Der): Buffer {
  if (element.tag === 0x04) return element.content;
  if (element.tag === 0x24) return Buffer.concat(children(element).map(octets));
  throw new Pkcs12Error("expected an OCTET STRING");
}

/** The content of an `[0] EXPLICIT` wrapper. */
function explicit0(element: Der): Der {
  if (element.tag !== 0xa0) throw new Pkcs12Error("expected [0]");
  return parse(element.content);
}

/** RFC 7292 appendix B.2: PKCS#12's key derivation (for the MAC key and the PKCS#12 PBE ciphers). */
function pkcs12Kdf(
  hash: { name: string; u: number; v: number },
  password: Buffer,
  salt: Buffer,
  id: number,
  iterations: number,
  size: number,
): Buffer {
  const { u, v } = hash;
  const fill = (source: Buffer) => {
    if (source.length === 0) return Buffer.alloc(0);
    const out = Buffer.alloc(v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i++) out[i] = source[i % source.length]!;
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([fill(salt), fill(password)]);
  const blocks: Buffer[] = [];
  for (let produced = 0; produced < size; produced += u) {
    let A = createHash(hash.name).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash.name).update(A).digest();
    blocks.push(A);
    const B = fill(A).subarray(0, v);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, size);
}

/** A PKCS#12 password as the PBE and MAC algorithms take it: BMPString (UTF-16BE) plus a 0 terminator. */
function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

function verifyMac(macData: Der, authSafe: Buffer, password: string): boolean {
  const [digestInfo, saltElement, iterationsElement] = children(macData);
  const [algorithm, digest] = children(digestInfo!);
  const hash = HASH_BY_OID[oid(children(algorithm!)[0]!)];
  if (!hash) throw new Pkcs12Error("the PFX integrity check uses an unknown hash");
  const salt = octets(saltElement!);
  const iterations = iterationsElement ? integer(iterationsElement) : 1;
  const expected = octets(digest!);
  // An empty password is written either as an empty BMPString or as no password at all.
  const candidates = password === "" ? [bmpPassword(""), Buffer.alloc(0)] : [bmpPassword(password)];
  return candidates.some((candidate) => {
    const key = pkcs12Kdf(hash, candidate, salt, 3, iterations, hash.u);
    const actual = createHmac(hash.name, key).update(authSafe).digest();
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
}

function decrypt(algorithm: Der, encrypted: Buffer, password: string): Buffer {
  const [algorithmOid, params] = children(algorithm);
  const id = oid(algorithmOid!);
  if (id === OID.pbes2) {
    const [kdf, scheme] = children(params!);
    const [kdfOid, kdfParams] = children(kdf!);
    if (oid(kdfOid!) !== OID.pbkdf2) throw new Pkcs12Error("the PFX uses a key derivation other than PBKDF2");
    const kdfFields = children(kdfParams!);
    const salt = octets(kdfFields[0]!);
    const iterations = integer(kdfFields[1]!);
    const prfElement = kdfFields.find((f) => f.tag === 0x30);
    const prf = prfElement ? HMAC_PRF_BY_OID[oid(children(prfElement)[0]!)] : "sha1";
    const [cipherOid, iv] = children(scheme!);
    const cipher = CIPHER_BY_OID[oid(cipherOid!)];
    if (!cipher || !prf)
      throw new Pkcs12Error("the PFX uses an encryption algorithm this reader does not know");
    const key = pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, cipher.keyLength, prf);
    const decipher = createDecipheriv(cipher.name, key, octets(iv!));
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  }
  if (id === OID.pbeSha1TripleDes) {
    const [saltElement, iterationsElement] = children(params!);
    const sha1 = HASH_BY_OID["1.3.14.3.2.26"]!;
    const salt = octets(saltElement!);
    const iterations = integer(iterationsElement!);
    const key = pkcs12Kdf(sha1, bmpPassword(password), salt, 1, iterations, 24);
    const iv = pkcs12Kdf(sha1, bmpPassword(password), salt, 2, iterations, 8);
    const decipher = createDecipheriv("des-ede3-cbc", key, iv);
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  }
  if (id === OID.pbeSha1Rc2_40 || id === OID.pbeSha1Rc2_128) {
    throw new Pkcs12Error(
      "the PFX encrypts its certificates with RC2, a legacy algorithm Node's OpenSSL 3 does not load; re-export it with `openssl pkcs12 -export -certpbe AES-256-CBC -keypbe AES-256-CBC` or convert it to PEM (`openssl pkcs12 -in cert.pfx -out cert.pem -nodes`)",
    );
  }
  throw new Pkcs12Error(`the PFX uses an encryption algorithm this reader does not know (${id})`);
}

/** The private key (PKCS#8 DER, maybe encrypted) and certificates (DER) of a PFX. */
export interface Pkcs12Contents {
  privateKeyDer: Buffer;
  /** Whether `privateKeyDer` is an EncryptedPrivateKeyInfo (decrypt with the same password). */
  privateKeyEncrypted: boolean;
  certificatesDer: Buffer[];
}

/** Reads a PFX; throws a TypeError naming the credential and what is wrong (never the password). */
export function parsePkcs12(credentialName: string, pfx: Buffer, password: string): Pkcs12Contents {
  try {
    const [version, authSafeInfo, macData] = children(parse(pfx));
    if (integer(version!) !== 3) throw new Pkcs12Error("not a PKCS#12 version 3 file");
    const [contentType, content] = children(authSafeInfo!);
    if (oid(contentType!) !== OID.data) throw new Pkcs12Error("public-key integrity mode is not supported");
    const authSafe = octets(explicit0(content!));
    if (macData && !verifyMac(macData, authSafe, password)) {
      throw new Pkcs12Error(
        "the password is wrong (the file's integrity check failed); check certificatePassword",
      );
    }
    const result: Pkcs12Contents = {
      privateKeyDer: Buffer.alloc(0),
      privateKeyEncrypted: false,
      certificatesDer: [],
    };
    for (const info of children(parse(authSafe))) {
      const [type, wrapped] = children(info);
      let safeContents: Buffer;
      if (oid(type!) === OID.data) {
        safeContents = octets(explicit0(wrapped!));
      } else if (oid(type!) === OID.encryptedData) {
        const [, encryptedContentInfo] = children(explicit0(wrapped!));
        const [, algorithm, encrypted] = children(encryptedContentInfo!);
        // [0] IMPLICIT OCTET STRING: primitive 0x80 or constructed 0xa0.
        const bytes =
          encrypted!.tag === 0xa0 ? Buffer.concat(children(encrypted!).map(octets)) : encrypted!.content;
        safeContents = decrypt(algorithm!, bytes, password);
      } else {
        continue;
      }
      for (const bag of children(parse(safeContents))) {
        const [bagId, bagValue] = children(bag);
        const kind = oid(bagId!);
        const value = explicit0(bagValue!);
        if (kind === OID.shroudedKeyBag || kind === OID.keyBag) {
          if (result.privateKeyDer.length === 0) {
            result.privateKeyDer = Buffer.from(reencode(value));
            result.privateKeyEncrypted = kind === OID.shroudedKeyBag;
          }
        } else if (kind === OID.certBag) {
          const [certType, certValue] = children(value);
          if (oid(certType!) === OID.x509Certificate)
            result.certificatesDer.push(octets(explicit0(certValue!)));
        }
      }
    }
    if (result.privateKeyDer.length === 0) throw new Pkcs12Error("the PFX holds no private key");
    if (result.certificatesDer.length === 0) throw new Pkcs12Error("the PFX holds no certificate");
    return result;
  } catch (error) {
    if (error instanceof Pkcs12Error) {
      throw new TypeError(`${credentialName}: cannot read the PFX certificate: ${error.message}.`);
    }
    throw new TypeError(`${credentialName}: cannot read the PFX certificate (${(error as Error).message}).`, {
      cause: error,
    });
  }
}

/** A parsed element back to DER (tag, length, content). */
function reencode(element: Der): Buffer {
  const length = element.content.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([element.tag, length]);
  else {
    const bytes: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
    header = Buffer.from([element.tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, element.content]);
}
