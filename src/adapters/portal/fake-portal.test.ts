import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { fixedClock } from '../../context';
import { createX509EdsVerifier } from '../eds/x509-verifier';
import { buildPortalSubmission, DEMO_CA, issueDemoCitizenCertificate } from './fake-portal';

const at = Temporal.Instant.from('2025-03-04T05:00:00Z');
const verifier = createX509EdsVerifier({ trustedCaPem: DEMO_CA.certificatePem, clock: fixedClock('2025-03-04T05:00:05Z') });

describe('the fake portal', () => {
  it('builds a form 1-1 submission signed by the applicant that the demo-trusting verifier accepts', async () => {
    const s = buildPortalSubmission({ form: { categoryCode: '7.11', applicant: { iin: '880101400123' } }, signerIdentity: { iin: '880101400123', fullName: 'Жұмабаева Әсел' }, at });
    expect(s.document).toEqual({ requestId: s.requestId, form: { categoryCode: '7.11', applicant: { iin: '880101400123' } } });
    expect(s.requestId).toMatch(/^EGOV-/);
    expect(Buffer.from(s.body.payloadBase64, 'base64').equals(Buffer.from(s.content))).toBe(true);
    const r = await verifier.verify({ content: s.content, signatureBase64: s.body.signatureBase64 });
    expect(r).toEqual({ valid: true, signer: { iin: '880101400123', commonName: 'ЖҰМАБАЕВА ӘСЕЛ' }, reason: null });
  });

  it('produces a submission whose signature breaks when the application is altered', async () => {
    const s = buildPortalSubmission({ form: { amount: 1 }, signerIdentity: { iin: '880101400123', fullName: 'A' }, at });
    const altered = new TextEncoder().encode(new TextDecoder().decode(s.content).replace('"amount":1', '"amount":9'));
    expect((await verifier.verify({ content: altered, signatureBase64: s.body.signatureBase64 })).reason).toBe('SIGNATURE_MISMATCH');
  });

  it('can sign with another person’s certificate, so intake can detect a signer who is not the applicant', async () => {
    const other = issueDemoCitizenCertificate({ iin: '900101300222', fullName: 'Басқа Адам', at });
    const s = buildPortalSubmission({ form: {}, signerIdentity: { iin: '880101400123', fullName: 'A' }, at, certificate: other });
    expect((await verifier.verify({ content: s.content, signatureBase64: s.body.signatureBase64 })).signer?.iin).toBe('900101300222');
  });
});
