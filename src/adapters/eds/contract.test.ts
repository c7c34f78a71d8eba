/**
 * The EDS port's contract, run against every implementation: the node:crypto X.509 verifier and the
 * NCANode client (talking to an in-process stand-in of the service, no network). A throwaway CA and
 * signers are issued at test time; no key is committed.
 */
import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { fixedClock } from '../../context';
import { issueCertificate, type CertificateSubject } from './certificates';
import { EDS_REJECTIONS, type EdsVerifier } from './port';
import { signDetached } from './sign';
import { createX509EdsVerifier, signerOf } from './x509-verifier';
import { createNcanodeEdsVerifier } from './ncanode-verifier';

const NOW = '2025-03-04T05:00:00Z';
const caSubject: CertificateSubject = { commonName: 'Komek TEST CA (throwaway)', organization: 'Test', country: 'KZ' };
const ca = issueCertificate({ subject: caSubject, isCa: true, notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') });
const strangerSubject: CertificateSubject = { commonName: 'Some other CA', country: 'KZ' };
const strangerCa = issueCertificate({ subject: strangerSubject, isCa: true, notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') });

const citizen = issueCertificate({
  subject: { commonName: 'ЖҰМАБАЕВА ӘСЕЛ ҚАЙРАТҚЫЗЫ', serialNumber: 'IIN880101400123', country: 'KZ' },
  issuer: { subject: caSubject, privateKeyPem: ca.privateKeyPem },
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2026-01-01T00:00:00Z'),
});
const withoutIin = issueCertificate({
  subject: { commonName: 'ТОО Тест', country: 'KZ' },
  issuer: { subject: caSubject, privateKeyPem: ca.privateKeyPem },
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2026-01-01T00:00:00Z'),
});
const expired = issueCertificate({
  subject: { commonName: 'ЕСКІ СЕРТИФИКАТ', serialNumber: 'IIN700101300111', country: 'KZ' },
  issuer: { subject: caSubject, privateKeyPem: ca.privateKeyPem },
  notBefore: new Date('2024-01-01T00:00:00Z'),
  notAfter: new Date('2024-12-31T00:00:00Z'),
});
const outsider = issueCertificate({
  subject: { commonName: 'БӨТЕН АДАМ', serialNumber: 'IIN900101300222', country: 'KZ' },
  issuer: { subject: strangerSubject, privateKeyPem: strangerCa.privateKeyPem },
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2026-01-01T00:00:00Z'),
});

const content = new TextEncoder().encode(JSON.stringify({ form: '1-1', applicantIin: '880101400123', category: '7.11' }));
const sign = (c: { certificatePem: string; privateKeyPem: string }, signedAt = '2025-03-04T04:30:00Z', bytes = content) =>
  signDetached({ content: bytes, certificatePem: c.certificatePem, privateKeyPem: c.privateKeyPem, signedAt });

const clock = fixedClock(NOW);
const x509 = createX509EdsVerifier({ trustedCaPem: ca.certificatePem, clock });

/** A stand-in of an NCANode service: verifies with the same trust anchor and answers in NCANode's shape. */
function ncanodeStandIn(): EdsVerifier {
  return createNcanodeEdsVerifier({
    baseUrl: 'http://ncanode.invalid',
    async fetch(url, init) {
      expect(url).toBe('http://ncanode.invalid/cms/verify');
      const req = JSON.parse(init.body) as { cms: string; data: string };
      const r = await x509.verify({ content: Buffer.from(req.data, 'base64'), signatureBase64: req.cms });
      if (r.reason === 'MALFORMED_SIGNATURE' || r.reason === 'MALFORMED_CERTIFICATE') return { status: 400, json: async () => ({ status: 400, message: 'bad cms' }) };
      const env = JSON.parse(Buffer.from(req.cms, 'base64').toString('utf8')) as { certificatePem: string };
      const signer = signerOf(new X509Certificate(env.certificatePem));
      const certValid = r.valid || r.reason === 'SIGNATURE_MISMATCH';
      const answer = { status: 200, message: '', valid: r.valid, signers: [{ certificates: [{ valid: certValid, subject: { commonName: signer.commonName, ...(signer.iin ? { iin: signer.iin } : {}) } }] }] };
      return { status: 200, json: async () => answer };
    },
  });
}

const IMPLEMENTATIONS: [string, () => EdsVerifier][] = [
  ['x509 (node:crypto)', () => x509],
  ['ncanode client', ncanodeStandIn],
];

describe.each(IMPLEMENTATIONS)('EDS verifier contract: %s', (_name, make) => {
  const verifier = make();

  it('accepts a detached signature by a certificate of the trusted CA and names the signer with the IIN from serialNumber', async () => {
    const r = await verifier.verify({ content, signatureBase64: sign(citizen) });
    expect(r).toEqual({ valid: true, signer: { iin: '880101400123', commonName: 'ЖҰМАБАЕВА ӘСЕЛ ҚАЙРАТҚЫЗЫ' }, reason: null });
  });

  it('gives a null IIN for a certificate without IIN in its subject', async () => {
    const r = await verifier.verify({ content, signatureBase64: sign(withoutIin) });
    expect(r.valid).toBe(true);
    expect(r.signer).toEqual({ iin: null, commonName: 'ТОО Тест' });
  });

  it('rejects content changed after signing', async () => {
    const changed = new TextEncoder().encode(JSON.stringify({ form: '1-1', applicantIin: '880101400123', category: '7.1' }));
    const r = await verifier.verify({ content: changed, signatureBase64: sign(citizen) });
    expect(r.valid).toBe(false);
    expect(r.signer).toBeNull();
    expect(EDS_REJECTIONS).toContain(r.reason);
  });

  it('rejects a certificate that does not chain to the trusted CA', async () => {
    const r = await verifier.verify({ content, signatureBase64: sign(outsider) });
    expect(r.valid).toBe(false);
    expect(r.signer).toBeNull();
  });

  it('rejects a signature made when the certificate had expired', async () => {
    const r = await verifier.verify({ content, signatureBase64: sign(expired) });
    expect(r.valid).toBe(false);
  });

  it('rejects garbage in place of a signature', async () => {
    for (const bad of ['', 'not base64 at all!', Buffer.from('{"v":1}').toString('base64')]) {
      const r = await verifier.verify({ content, signatureBase64: bad });
      expect(r.valid).toBe(false);
      expect(EDS_REJECTIONS).toContain(r.reason);
    }
  });
});

describe('the X.509 verifier explains each rejection precisely', () => {
  it('names the reason of each failure', async () => {
    const changed = new TextEncoder().encode('other bytes');
    expect((await x509.verify({ content: changed, signatureBase64: sign(citizen) })).reason).toBe('SIGNATURE_MISMATCH');
    expect((await x509.verify({ content, signatureBase64: sign(outsider) })).reason).toBe('UNTRUSTED_CERTIFICATE');
    expect((await x509.verify({ content, signatureBase64: sign(expired) })).reason).toBe('CERTIFICATE_NOT_VALID_AT_SIGNING_TIME');
    expect((await x509.verify({ content, signatureBase64: sign(citizen, '2024-06-01T00:00:00Z') })).reason).toBe('CERTIFICATE_NOT_VALID_AT_SIGNING_TIME');
    expect((await x509.verify({ content, signatureBase64: sign(citizen, '2025-03-05T00:00:00Z') })).reason).toBe('SIGNED_IN_FUTURE');
    expect((await x509.verify({ content, signatureBase64: 'garbage!' })).reason).toBe('MALFORMED_SIGNATURE');
  });

  it('refuses a signing time that was changed after signing (the time is signed)', async () => {
    const env = JSON.parse(Buffer.from(sign(citizen), 'base64').toString('utf8')) as Record<string, unknown>;
    env.signedAt = '2025-03-04T04:31:00Z';
    const r = await x509.verify({ content, signatureBase64: Buffer.from(JSON.stringify(env)).toString('base64') });
    expect(r.reason).toBe('SIGNATURE_MISMATCH');
  });

  it('accepts a chain through an intermediate CA listed in the envelope, and refuses it without the intermediate', async () => {
    const interSubject: CertificateSubject = { commonName: 'Komek TEST intermediate', country: 'KZ' };
    const inter = issueCertificate({ subject: interSubject, isCa: true, issuer: { subject: caSubject, privateKeyPem: ca.privateKeyPem }, notBefore: new Date('2024-06-01T00:00:00Z'), notAfter: new Date('2029-01-01T00:00:00Z') });
    const leaf = issueCertificate({ subject: { commonName: 'АЛИЕВ БЕКЗАТ', serialNumber: 'IIN950505300444' }, issuer: { subject: interSubject, privateKeyPem: inter.privateKeyPem }, notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2026-01-01T00:00:00Z') });
    const signedAt = '2025-03-04T04:00:00Z';
    const withChain = signDetached({ content, certificatePem: leaf.certificatePem, privateKeyPem: leaf.privateKeyPem, signedAt, intermediatesPem: [inter.certificatePem] });
    expect(await x509.verify({ content, signatureBase64: withChain })).toEqual({ valid: true, signer: { iin: '950505300444', commonName: 'АЛИЕВ БЕКЗАТ' }, reason: null });
    expect((await x509.verify({ content, signatureBase64: sign(leaf, signedAt) })).reason).toBe('UNTRUSTED_CERTIFICATE');
  });
});

describe('the NCANode client', () => {
  it('reports an unreachable service as SERVICE_UNAVAILABLE, never as valid', async () => {
    const down = createNcanodeEdsVerifier({ baseUrl: 'http://x', fetch: async () => { throw new Error('ECONNREFUSED'); } });
    expect(await down.verify({ content, signatureBase64: sign(citizen) })).toEqual({ valid: false, signer: null, reason: 'SERVICE_UNAVAILABLE' });
    const odd = createNcanodeEdsVerifier({ baseUrl: 'http://x', fetch: async () => ({ status: 200, json: async () => ({ valid: true }) }) });
    expect((await odd.verify({ content, signatureBase64: sign(citizen) })).valid).toBe(false);
  });
});
