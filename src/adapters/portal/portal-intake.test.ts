/**
 * The fake portal against Komek's real intake: a form 1-1 signed with a KOMEK DEMO CA certificate and
 * verified by the default X.509 verifier wired in createPorts registers the application with the
 * signer's IIN; another person's signature, or bytes changed after signing, are refused.
 */
import { beforeAll, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../../test/db';
import { createTestApp, type TestApp } from '../../../test/app';
import { issuePortalClientKey } from '../../cases/accept-portal-application';
import { form1, inMemoryGateway, person } from '../../cases/test-fixtures';
import { buildPortalSubmission, issueDemoCitizenCertificate } from './fake-portal';

const applicant = person('Порталова', 'Әсел', '1991-01-01', { monthlyWagesTiyn: 1_500_000 });
const NOW = '2025-03-04T05:00:00Z';

describeDb('form 1-1 from the fake portal through the default EDS verifier', (getDb) => {
  let t: TestApp;
  let key: string;
  let district: string;
  const post = (body: unknown) => t.app.request('/api/portal/applications', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

  beforeAll(async () => {
    // Only the gateway is replaced: `eds` is the demo-CA verifier chosen by createPorts.
    t = await createTestApp(getDb(), { now: NOW, ports: { egov: inMemoryGateway([applicant]) } });
    key = (await issuePortalClientKey({ database: t.database, actor: null, clock: t.clock }, { id: 'egov-portal', name: 'e-gov portal (fake)' })).key;
    district = (await t.database.query<{ id: string }>('select id from rural_district order by id limit 1'))[0]!.id;
  });

  it('registers a correctly signed application with the signer from the certificate', async () => {
    const s = buildPortalSubmission({ form: form1(applicant, '7.9', district), signerIdentity: { iin: applicant.iin, fullName: `${applicant.lastName} ${applicant.firstName}` }, at: Temporal.Instant.from(NOW) });
    const res = await post(s.body);
    expect(res.status).toBe(201);
    const [row] = await t.database.query<{ channel: string; edsSignerIin: string; portalRequestId: string }>(
      `select channel, eds_signer_iin as "edsSignerIin", portal_request_id as "portalRequestId" from application where portal_request_id = $1`,
      [s.requestId],
    );
    expect(row).toEqual({ channel: 'PORTAL', edsSignerIin: applicant.iin, portalRequestId: s.requestId });
  });

  it('refuses bytes changed after signing and a signature by someone else', async () => {
    const at = Temporal.Instant.from(NOW);
    const s = buildPortalSubmission({ form: form1(applicant, '7.9', district), signerIdentity: { iin: applicant.iin, fullName: 'A' }, at });
    const tampered = Buffer.from(Buffer.from(s.body.payloadBase64, 'base64').toString('utf8').replace('7.9', '7.5')).toString('base64');
    const bad = await post({ payloadBase64: tampered, signatureBase64: s.body.signatureBase64 });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('EDS_INVALID');
    const stranger = issueDemoCitizenCertificate({ iin: '900101300222', fullName: 'Басқа Адам', at });
    const other = buildPortalSubmission({ form: form1(applicant, '7.9', district), signerIdentity: { iin: applicant.iin, fullName: 'A' }, at, certificate: stranger });
    const res = await post(other.body);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('EDS_SIGNER_MISMATCH');
  });
});
