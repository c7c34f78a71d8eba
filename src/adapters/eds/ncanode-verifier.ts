/**
 * An EDS verifier backed by an NCANode-style verification service: how a district plugs in the national
 * PKI (NCA RK root and intermediate certificates, GOST 34.310-2004 / 34.10-2015 keys, OCSP and CRL
 * revocation checks), which node:crypto cannot verify. The service is run by the district (NCANode is an
 * open-source Java service wrapping the Kalkan/Bouncy Castle GOST providers) next to Komek.
 *
 * Request [assumed, after the NCANode 3 `POST /cms/verify` API]: `{ cms, data, revocationCheck }` with the
 * detached CMS signature as produced by NCALayer (`signatureBase64`) and the signed content in base64.
 * Answer: `{ valid, signers: [{ certificates: [{ valid, notBefore, notAfter, subject: { commonName, iin } }],
 * signingTime? }] }`; the first certificate of the first signer is the signer's own. The answer's shape is
 * checked before use; anything unexpected is `SERVICE_UNAVAILABLE`, never a silent acceptance.
 */
import { rejected, type EdsVerification, type EdsVerifier, type EdsVerifyInput } from './port';

export interface NcanodeOptions {
  /** e.g. http://127.0.0.1:14579 */
  readonly baseUrl: string;
  /** Injected so tests (and a stand-in service) never reach the network. */
  readonly fetch: (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<{ status: number; json(): Promise<unknown> }>;
  readonly revocationCheck?: readonly ('OCSP' | 'CRL')[];
}

interface NcanodeCertificate {
  readonly valid: boolean;
  readonly notBefore?: string;
  readonly notAfter?: string;
  readonly subject: { readonly commonName?: string; readonly iin?: string };
}
interface NcanodeAnswer {
  readonly valid: boolean;
  readonly signers: readonly { readonly certificates: readonly NcanodeCertificate[]; readonly signingTime?: string }[];
}

function isAnswer(x: unknown): x is NcanodeAnswer {
  if (!x || typeof x !== 'object') return false;
  const a = x as Record<string, unknown>;
  if (typeof a.valid !== 'boolean' || !Array.isArray(a.signers)) return false;
  return a.signers.every(
    (s: unknown) =>
      !!s &&
      typeof s === 'object' &&
      Array.isArray((s as Record<string, unknown>).certificates) &&
      ((s as { certificates: unknown[] }).certificates).every((c) => !!c && typeof c === 'object' && typeof (c as Record<string, unknown>).valid === 'boolean' && typeof (c as Record<string, unknown>).subject === 'object'),
  );
}

/** Creates the NCANode-backed verifier. */
export function createNcanodeEdsVerifier(opts: NcanodeOptions): EdsVerifier {
  return {
    async verify(input: EdsVerifyInput): Promise<EdsVerification> {
      let status: number;
      let body: unknown;
      try {
        const res = await opts.fetch(`${opts.baseUrl.replace(/\/$/, '')}/cms/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ cms: input.signatureBase64, data: Buffer.from(input.content).toString('base64'), revocationCheck: opts.revocationCheck ?? ['OCSP'] }),
        });
        status = res.status;
        body = await res.json();
      } catch {
        return rejected('SERVICE_UNAVAILABLE');
      }
      if (status === 400 || status === 422) return rejected('MALFORMED_SIGNATURE');
      if (status !== 200 || !isAnswer(body)) return rejected('SERVICE_UNAVAILABLE');
      const own = body.signers[0]?.certificates[0];
      if (!own) return rejected('MALFORMED_SIGNATURE');
      if (!own.valid) return rejected('UNTRUSTED_CERTIFICATE');
      if (!body.valid) return rejected('SIGNATURE_MISMATCH');
      const iin = typeof own.subject.iin === 'string' && /^\d{12}$/.test(own.subject.iin) ? own.subject.iin : null;
      return { valid: true, signer: { iin, commonName: own.subject.commonName ?? '' }, reason: null };
    },
  };
}
