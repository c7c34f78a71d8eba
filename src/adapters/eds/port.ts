/**
 * Verification of an electronic digital signature (ЭЦҚ / ЭЦП, Koksu Rules p.2.15): the portal applicant
 * certifies the electronic application (form 1-1) and the data returned by the information systems with
 * their EDS (p.11). Komek verifies the DETACHED signature over the exact bytes it received.
 *
 * Implementations:
 * - `x509-verifier.ts` (default): the Komek envelope below, checked against a configured trusted CA with
 *   node:crypto (RSA, ECDSA, Ed25519 keys).
 * - `ncanode-verifier.ts`: a client of an NCANode-style verification service, the way a district plugs in
 *   the national PKI (NCA RK, GOST 34.310/34.311 certificates, OCSP/CRL revocation), which node:crypto
 *   cannot verify itself. The service receives the CMS signature and the content and answers with the
 *   signer's certificate subject; the client maps that answer onto this port.
 *
 * The Komek envelope (version 1) is `base64(JSON)` of
 * `{ "v": 1, "algorithm": "ECDSA-SHA256" | "RSA-SHA256" | "Ed25519", "certificatePem": "...",
 *    "intermediatesPem": ["..."]?, "signedAt": "<ISO instant>", "signature": "<base64>" }`
 * where `signature` is over the bytes `"KOMEK-EDS/1 " + signedAt + "\n"` followed by the content, so the
 * signing time is signed too. The signer's certificate must chain to the trusted CA (directly or through
 * the listed intermediates), every certificate of the chain must be valid at `signedAt`, and `signedAt`
 * must not lie in the future. Kazakh EDS certificates carry the signer's IIN in the subject
 * serialNumber as `IIN123456789012`; it is returned as `signer.iin` (null when absent, e.g. a legal
 * entity's certificate without an IIN).
 */

/** Why a signature was not accepted; stable codes, shown to staff with their kk/ru/en text. */
export const EDS_REJECTIONS = [
  'MALFORMED_SIGNATURE',
  'MALFORMED_CERTIFICATE',
  'UNSUPPORTED_ALGORITHM',
  'UNTRUSTED_CERTIFICATE',
  'CERTIFICATE_NOT_VALID_AT_SIGNING_TIME',
  'SIGNED_IN_FUTURE',
  'SIGNATURE_MISMATCH',
  'SERVICE_UNAVAILABLE',
] as const;
export type EdsRejection = (typeof EDS_REJECTIONS)[number];

export interface EdsSigner {
  /** The IIN from the certificate subject's serialNumber `IIN…`, or null when there is none. */
  readonly iin: string | null;
  readonly commonName: string;
}

export interface EdsVerification {
  readonly valid: boolean;
  /** The signer, only when the signature is valid. */
  readonly signer: EdsSigner | null;
  /** One of EDS_REJECTIONS when invalid, null when valid. */
  readonly reason: EdsRejection | null;
}

export interface EdsVerifyInput {
  readonly content: Uint8Array;
  readonly signatureBase64: string;
}

/** The EDS verification port (p.11, p.2.15). */
export interface EdsVerifier {
  verify(input: EdsVerifyInput): Promise<EdsVerification>;
}

/** Kazakh EDS certificates: subject serialNumber `IIN` + 12 digits (legal entities: BIN in OU). */
export function iinFromSerialNumber(serialNumber: string | null | undefined): string | null {
  const m = /^IIN(\d{12})$/.exec((serialNumber ?? '').trim());
  return m ? m[1]! : null;
}

export function rejected(reason: EdsRejection): EdsVerification {
  return { valid: false, signer: null, reason };
}
