/**
 * The default EDS verifier: the Komek envelope (see port.ts) checked with node:crypto against one
 * configured trusted CA certificate. Chain: signer → intermediates listed in the envelope → trusted CA;
 * every link's signature is verified and every certificate must be valid at the signing time.
 */
import { verify as verifySignature, X509Certificate } from 'node:crypto';
import type { Clock } from '../../context';
import { iinFromSerialNumber, rejected, type EdsSigner, type EdsVerification, type EdsVerifier, type EdsVerifyInput } from './port';

export const ENVELOPE_ALGORITHMS = ['ECDSA-SHA256', 'RSA-SHA256', 'Ed25519'] as const;
export type EnvelopeAlgorithm = (typeof ENVELOPE_ALGORITHMS)[number];

export interface EdsEnvelope {
  readonly v: 1;
  readonly algorithm: EnvelopeAlgorithm;
  readonly certificatePem: string;
  readonly intermediatesPem?: readonly string[];
  /** ISO instant; signed together with the content. */
  readonly signedAt: string;
  /** base64 signature over `signedBytes(signedAt, content)`. */
  readonly signature: string;
}

/** The bytes an envelope's signature covers: a header naming the signing time, then the content. */
export function signedBytes(signedAt: string, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`KOMEK-EDS/1 ${signedAt}\n`, 'utf8'), Buffer.from(content)]);
}

/** Tolerated clock difference between the signer's device and the server. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

function parseEnvelope(signatureBase64: string): EdsEnvelope | null {
  try {
    if (!/^[A-Za-z0-9+/=\s]+$/.test(signatureBase64)) return null;
    const e = JSON.parse(Buffer.from(signatureBase64, 'base64').toString('utf8')) as Record<string, unknown>;
    if (e === null || typeof e !== 'object') return null;
    if (e.v !== 1 || typeof e.algorithm !== 'string' || typeof e.certificatePem !== 'string') return null;
    if (typeof e.signedAt !== 'string' || typeof e.signature !== 'string') return null;
    if (e.intermediatesPem !== undefined && !(Array.isArray(e.intermediatesPem) && e.intermediatesPem.every((p) => typeof p === 'string'))) return null;
    if (Number.isNaN(Date.parse(e.signedAt)) || !/^\d{4}-\d\d-\d\dT/.test(e.signedAt)) return null;
    return e as unknown as EdsEnvelope;
  } catch {
    return null;
  }
}

/** Subject attributes of a certificate, from node's `key=value` lines. */
export function subjectAttributes(cert: X509Certificate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of cert.subject.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

export function signerOf(cert: X509Certificate): EdsSigner {
  const attrs = subjectAttributes(cert);
  return { iin: iinFromSerialNumber(attrs.serialNumber), commonName: attrs.CN ?? cert.subject };
}

function validAt(cert: X509Certificate, atMs: number): boolean {
  return Date.parse(cert.validFrom) <= atMs && atMs <= Date.parse(cert.validTo);
}

function hashFor(algorithm: EnvelopeAlgorithm, cert: X509Certificate): string | null | undefined {
  const type = cert.publicKey.asymmetricKeyType;
  switch (algorithm) {
    case 'ECDSA-SHA256':
      return type === 'ec' ? 'sha256' : undefined;
    case 'RSA-SHA256':
      return type === 'rsa' ? 'sha256' : undefined;
    case 'Ed25519':
      return type === 'ed25519' ? null : undefined;
  }
}

export interface X509VerifierOptions {
  /** PEM of the trusted CA certificate (the district's configured root). */
  readonly trustedCaPem: string;
  /** Only to refuse signatures dated in the future; the signing time itself comes from the envelope. */
  readonly clock: Clock;
}

/** Creates the default verifier (node:crypto, one trusted CA). */
export function createX509EdsVerifier(opts: X509VerifierOptions): EdsVerifier {
  const trusted = new X509Certificate(opts.trustedCaPem);
  return {
    async verify(input: EdsVerifyInput): Promise<EdsVerification> {
      const envelope = parseEnvelope(input.signatureBase64);
      if (!envelope) return rejected('MALFORMED_SIGNATURE');
      if (!(ENVELOPE_ALGORITHMS as readonly string[]).includes(envelope.algorithm)) return rejected('UNSUPPORTED_ALGORITHM');
      let signer: X509Certificate;
      let intermediates: X509Certificate[];
      try {
        signer = new X509Certificate(envelope.certificatePem);
        intermediates = (envelope.intermediatesPem ?? []).map((p) => new X509Certificate(p));
      } catch {
        return rejected('MALFORMED_CERTIFICATE');
      }
      const signedAtMs = Date.parse(envelope.signedAt);
      if (signedAtMs > opts.clock.now().epochMilliseconds + FUTURE_SKEW_MS) return rejected('SIGNED_IN_FUTURE');

      // Walk up the chain: each link must be issued (name and signature) by the next, which must be a CA.
      const chain: X509Certificate[] = [signer];
      let current = signer;
      for (let depth = 0; ; depth++) {
        if (current.checkIssued(trusted) && current.verify(trusted.publicKey)) break;
        const parent = intermediates.find((c) => c.ca && current.checkIssued(c) && current.verify(c.publicKey) && !chain.includes(c));
        if (!parent || depth > 8) return rejected('UNTRUSTED_CERTIFICATE');
        chain.push(parent);
        current = parent;
      }
      chain.push(trusted);
      if (!chain.every((c) => validAt(c, signedAtMs))) return rejected('CERTIFICATE_NOT_VALID_AT_SIGNING_TIME');

      const hash = hashFor(envelope.algorithm, signer);
      if (hash === undefined) return rejected('UNSUPPORTED_ALGORITHM');
      let ok = false;
      try {
        ok = verifySignature(hash, signedBytes(envelope.signedAt, input.content), signer.publicKey, Buffer.from(envelope.signature, 'base64'));
      } catch {
        ok = false;
      }
      if (!ok) return rejected('SIGNATURE_MISMATCH');
      return { valid: true, signer: signerOf(signer), reason: null };
    },
  };
}
