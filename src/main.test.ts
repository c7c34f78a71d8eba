/** createPorts chooses implementations from the configuration (the only place that does). */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { createPorts } from './main';
import { loadConfig } from './config';
import { fixedClock } from './context';
import { issueCertificate } from './adapters/eds/certificates';
import { buildPortalSubmission, DEMO_CA } from './adapters/portal/fake-portal';
import type { Database } from './db/connect';
import type { EdsVerifier } from './adapters/eds/port';

const at = '2025-03-04T05:00:00Z';
const submission = buildPortalSubmission({ form: { ground: '6.4' }, signerIdentity: { iin: '950315300129', fullName: 'Demo Citizen' }, at: Temporal.Instant.from(at) });
const verifierWith = (env: Record<string, string>) => (createPorts(loadConfig(env), {} as Database, fixedClock(at)) as { eds: EdsVerifier }).eds;
const verify = (eds: EdsVerifier) => eds.verify({ content: submission.content, signatureBase64: submission.body.signatureBase64 });

describe('the EDS trust anchor', () => {
  it('trusts the demo CA when no CA file is configured', async () => {
    expect((await verify(verifierWith({}))).valid).toBe(true);
  });

  it('trusts only the CA of KOMEK_TRUSTED_CA_FILE when it is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'komek-ca-'));
    try {
      const other = issueCertificate({ subject: { commonName: 'Another root' }, notBefore: new Date('2020-01-01'), notAfter: new Date('2040-01-01'), isCa: true });
      writeFileSync(join(dir, 'other.pem'), other.certificatePem);
      writeFileSync(join(dir, 'demo.pem'), DEMO_CA.certificatePem);
      expect((await verify(verifierWith({ KOMEK_TRUSTED_CA_FILE: join(dir, 'other.pem') }))).valid).toBe(false);
      expect((await verify(verifierWith({ KOMEK_TRUSTED_CA_FILE: join(dir, 'demo.pem') }))).valid).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
