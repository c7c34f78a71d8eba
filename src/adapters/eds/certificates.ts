/**
 * Issues small X.509 v3 certificates with node:crypto alone (ECDSA P-256 with SHA-256): a throwaway CA
 * and signers for tests, and the DEMO CA of the fake portal that issues a certificate to any synthetic
 * applicant. Never used for real certificates: the national PKI (NCA RK) issues those.
 *
 * DER encoding follows RFC 5280 §4.1 (TBSCertificate) with the subject attributes Kazakh EDS
 * certificates use: CN (full name), serialNumber (`IIN…`), C, O.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), len(content.length), content]);
}
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);
const bitString = (b: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));
const octetString = (b: Buffer) => tlv(0x04, b);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
function integer(b: Buffer): Buffer {
  let v = b;
  while (v.length > 1 && v[0] === 0 && (v[1]! & 0x80) === 0) v = v.subarray(1);
  if ((v[0]! & 0x80) !== 0) v = Buffer.concat([Buffer.from([0]), v]);
  return tlv(0x02, v);
}
function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const stack: number[] = [p & 0x7f];
    for (let v = p >>> 7; v > 0; v >>>= 7) stack.unshift((v & 0x7f) | 0x80);
    out.push(...stack);
  }
  return tlv(0x06, Buffer.from(out));
}
function time(d: Date): Buffer {
  const iso = d.toISOString();
  const y = d.getUTCFullYear();
  const body = iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
  return y >= 1950 && y < 2050 ? tlv(0x17, Buffer.from(body, 'ascii')) : tlv(0x18, Buffer.from(String(y).slice(0, 2) + body, 'ascii'));
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  cn: '2.5.4.3',
  serialNumber: '2.5.4.5',
  c: '2.5.4.6',
  o: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
} as const;

export interface CertificateSubject {
  readonly commonName: string;
  /** E.g. `IIN880101300123` for a Kazakh individual. */
  readonly serialNumber?: string;
  readonly organization?: string;
  readonly country?: string;
}

function name(s: CertificateSubject): Buffer {
  const rdn = (type: string, value: Buffer) => set(seq(oid(type), value));
  const parts: Buffer[] = [];
  if (s.country) parts.push(rdn(OID.c, tlv(0x13, Buffer.from(s.country, 'ascii'))));
  if (s.organization) parts.push(rdn(OID.o, tlv(0x0c, Buffer.from(s.organization, 'utf8'))));
  parts.push(rdn(OID.cn, tlv(0x0c, Buffer.from(s.commonName, 'utf8'))));
  if (s.serialNumber) parts.push(rdn(OID.serialNumber, tlv(0x13, Buffer.from(s.serialNumber, 'ascii'))));
  return seq(...parts);
}

export interface IssuedCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly certificate: X509Certificate;
  readonly privateKey: KeyObject;
}

export interface IssueOptions {
  readonly subject: CertificateSubject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Omit for a self-signed root CA. */
  readonly issuer?: { readonly subject: CertificateSubject; readonly privateKeyPem: string };
  readonly isCa?: boolean;
}

/** Generates a P-256 key pair and a certificate for it, signed by `issuer` (or self-signed). */
export function issueCertificate(opts: IssueOptions): IssuedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signingKey = opts.issuer ? createPrivateKey(opts.issuer.privateKeyPem) : privateKey;
  const sigAlg = seq(oid(OID.ecdsaWithSha256));
  const keyUsageBits = opts.isCa ? Buffer.from([0x01, 0x06]) /* keyCertSign, cRLSign */ : Buffer.from([0x06, 0xc0]); /* digitalSignature, nonRepudiation */
  const extensions = explicit(
    3,
    seq(
      seq(oid(OID.basicConstraints), bool(true), octetString(seq(...(opts.isCa ? [bool(true)] : [])))),
      seq(oid(OID.keyUsage), bool(true), octetString(tlv(0x03, keyUsageBits))),
    ),
  );
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(randomBytes(12)),
    sigAlg,
    name(opts.issuer?.subject ?? opts.subject),
    seq(time(opts.notBefore), time(opts.notAfter)),
    name(opts.subject),
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = sign('sha256', tbs, signingKey);
  const der = seq(tbs, sigAlg, bitString(signature));
  const certificatePem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  return {
    certificatePem,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificate: new X509Certificate(certificatePem),
    privateKey,
  };
}

/** The public key of a PEM private key (convenience for tests). */
export function publicKeyOf(privateKeyPem: string): KeyObject {
  return createPublicKey(privateKeyPem);
}
