/**
 * The fake e-government portal (p.11, form 1-1): builds an electronic application the way the portal
 * does — the applicant's data, the data the portal obtained from the information systems, the portal's
 * request id and time — serialised to bytes and certified with the applicant's EDS (a detached Komek
 * envelope, src/adapters/eds/port.ts). Its certificates come from the KOMEK DEMO CA (demo-ca/README.md):
 * for tests, the demo and the browser only.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Temporal } from 'temporal-polyfill';
import { issueCertificate, type CertificateSubject, type IssuedCertificate } from '../eds/certificates';
import { signDetached } from '../eds/sign';

const here = new URL('./demo-ca/', import.meta.url);

/** The DEMO CA (publicly known key; never trusted outside demo wiring). */
export const DEMO_CA = {
  certificatePem: readFileSync(new URL('demo-ca.cert.pem', here), 'utf8'),
  privateKeyPem: readFileSync(new URL('demo-ca.key.pem', here), 'utf8'),
  subject: { commonName: 'KOMEK DEMO CA - NOT A REAL CERTIFICATION AUTHORITY', organization: 'Komek demo (synthetic)', country: 'KZ' } satisfies CertificateSubject,
} as const;

const DAY_MS = 86_400_000;

/** Issues a demo EDS certificate to a (synthetic) citizen, valid from a day before `at` for a year. */
export function issueDemoCitizenCertificate(input: { readonly iin: string; readonly fullName: string; readonly at: Temporal.Instant }): IssuedCertificate {
  const atMs = input.at.epochMilliseconds;
  return issueCertificate({
    subject: { commonName: input.fullName.toUpperCase(), serialNumber: `IIN${input.iin}`, country: 'KZ' },
    issuer: { subject: DEMO_CA.subject, privateKeyPem: DEMO_CA.privateKeyPem },
    notBefore: new Date(atMs - DAY_MS),
    notAfter: new Date(atMs + 365 * DAY_MS),
  });
}

/**
 * The signed content of form 1-1 as the portal sends it to Komek (POST /api/portal/applications): the
 * portal's request id, the form 1 data, and the information systems' answers the applicant certified
 * (p.11). Mirrors `Form11Payload` of src/cases/accept-portal-application.ts.
 */
export interface Form11Document<F> {
  readonly requestId: string;
  readonly form: F;
  readonly informationSystems?: { readonly requestId: string; readonly answeredAt: string; readonly answers: Readonly<Record<string, Readonly<Record<string, unknown>>>> };
}

/** What the portal sends: the exact signed bytes and their detached EDS signature, both base64. */
export interface PortalSubmission<F> {
  readonly requestId: string;
  /** The signed document as the portal serialised it (JSON, UTF-8). */
  readonly content: Uint8Array;
  /** The request body of POST /api/portal/applications. */
  readonly body: { readonly payloadBase64: string; readonly signatureBase64: string };
  /** The parsed document, for convenience (the signed bytes are authoritative). */
  readonly document: Form11Document<F>;
}

/**
 * Builds and signs a form 1-1 submission at `at`. The signer defaults to `signerIdentity` with a fresh
 * demo certificate; pass another certificate to simulate a signer who is not the applicant.
 */
export function buildPortalSubmission<F>(input: {
  readonly form: F;
  readonly signerIdentity: { readonly iin: string; readonly fullName: string };
  readonly at: Temporal.Instant;
  readonly informationSystems?: Form11Document<F>['informationSystems'];
  readonly requestId?: string;
  readonly certificate?: { readonly certificatePem: string; readonly privateKeyPem: string };
}): PortalSubmission<F> {
  const requestId = input.requestId ?? `EGOV-${randomUUID()}`;
  const document: Form11Document<F> = { requestId, form: input.form, ...(input.informationSystems ? { informationSystems: input.informationSystems } : {}) };
  const content = new TextEncoder().encode(JSON.stringify(document));
  const cert = input.certificate ?? issueDemoCitizenCertificate({ ...input.signerIdentity, at: input.at });
  const signatureBase64 = signDetached({ content, certificatePem: cert.certificatePem, privateKeyPem: cert.privateKeyPem, signedAt: input.at.toString() });
  return { requestId, content, body: { payloadBase64: Buffer.from(content).toString('base64'), signatureBase64 }, document };
}
