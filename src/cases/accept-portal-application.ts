/**
 * p.11–p.12: an electronic application on form 1-1 from the e-government portal. The portal is a system
 * client (its key, stored only as a SHA-256, names it); each application is authenticated by the
 * applicant's (or representative's) EDS over the exact payload bytes, verified through `ports.eds`.
 * An invalid signature is refused with EDS_INVALID and nothing is stored but the audit entry of the
 * rejection. A valid one is registered like a paper application (channel PORTAL); the information-system
 * data the portal obtained and the applicant certified are kept as the form 1-2 answers. The portal's
 * request id makes a retry return the same application instead of registering twice.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import type { EgovAnswers, EgovGateway } from '../adapters/egov/port';
import type { EdsVerifier } from '../adapters/eds/port';
import type { CaseCtx } from './case-env';
import { today } from './case-env';
import { assembleFamily, requestInformationSystems } from './accept-paper-application';
import { categoryOn, Form1Input, validateForm1 } from './intake-form';
import { registerApplication, type Registered, type RegisterInput } from './register-application';

/** The EDS verifier port (src/adapters/eds). */
export type EdsVerifierLike = EdsVerifier;

/** The signed content of form 1-1: the portal's request id, the form, and the data the systems returned. */
export const Form11Payload = z.strictObject({
  requestId: z.string().min(8).max(100),
  form: Form1Input,
  informationSystems: z
    .strictObject({ requestId: z.string().min(1).max(100), answeredAt: z.string().min(1).max(40), answers: z.record(z.string(), z.record(z.string(), z.unknown())) })
    .optional(),
});
export type Form11Payload = z.infer<typeof Form11Payload>;

export interface PortalSubmission {
  /** The exact bytes the applicant signed (UTF-8 JSON of Form11Payload), base64. */
  readonly payloadBase64: string;
  /** The EDS signature over those bytes (CMS/PKCS#7, base64), as the portal received it. */
  readonly signatureBase64: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Issues a key for a portal system client; only its SHA-256 is stored. Returns the key once. */
export async function issuePortalClientKey(ctx: Ctx, input: { id: string; name: string }): Promise<{ id: string; key: string }> {
  if (ctx.actor && ctx.actor.role !== 'ADMIN') throw new AppError('FORBIDDEN');
  const key = `kpc_${randomBytes(24).toString('base64url')}`;
  await runCommand(ctx, { action: 'portal-client.issue', targetType: 'portal_client' }, async ({ sql, at }) => {
    await sql.query('insert into portal_client (id, name, key_hash, created_at) values ($1, $2, $3, $4) on conflict (id) do update set key_hash = excluded.key_hash, active = true', [input.id, input.name, sha256(key), at.toString()]);
    return { result: null, targetId: input.id, after: { name: input.name } };
  });
  return { id: input.id, key };
}

/** The portal client a bearer key belongs to, or PORTAL_CLIENT_UNKNOWN. */
export async function authenticatePortalClient(ctx: Ctx, authorization: string | undefined): Promise<{ id: string; name: string }> {
  const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!key) throw new AppError('PORTAL_CLIENT_UNKNOWN');
  const [client] = await ctx.database.query<{ id: string; name: string }>('select id, name from portal_client where key_hash = $1 and active', [sha256(key)]);
  if (!client) throw new AppError('PORTAL_CLIENT_UNKNOWN');
  return client;
}

export async function acceptPortalApplication(
  ctx: CaseCtx & { readonly eds: EdsVerifierLike | undefined; readonly egov?: EgovGateway | undefined; readonly client: { id: string; name: string } },
  submission: PortalSubmission,
): Promise<{ application: Registered; replay: boolean }> {
  const content = Buffer.from(submission.payloadBase64, 'base64');
  const reject = async (reason: string, code: 'EDS_INVALID' | 'EDS_SIGNER_MISMATCH') => {
    await runCommand(ctx, { action: 'application.portal-rejected', targetType: 'portal_submission' }, async () => ({
      result: null,
      targetId: sha256(submission.payloadBase64).slice(0, 32),
      after: { client: ctx.client.id, reason, code },
    }));
    throw new AppError(code, [], { reason });
  };
  if (!ctx.eds) throw new AppError('INTERNAL', [], { cause: 'no EDS verifier configured (ports.eds)' });
  const verdict = await ctx.eds.verify({ content: new Uint8Array(content), signatureBase64: submission.signatureBase64 });
  if (!verdict.valid || !verdict.signer) return reject(verdict.reason ?? 'invalid signature', 'EDS_INVALID');

  let parsed: Form11Payload;
  try {
    const r = Form11Payload.safeParse(JSON.parse(content.toString('utf8')));
    if (!r.success) throw new AppError('VALIDATION', r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    parsed = r.data;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('MALFORMED_JSON');
  }
  const form = parsed.form;
  const signerIin = verdict.signer.iin;
  if (signerIin !== form.applicant.iin && signerIin !== form.representative?.person.iin) return reject(`signer ${signerIin ?? '(no IIN)'} is not the applicant or the representative`, 'EDS_SIGNER_MISMATCH');

  const [existing] = await ctx.database.query<{ id: string; reg_number: string; registered_on: string; next_step: string | null; decision_hard_on: string | null }>(
    'select id, reg_number, registered_on::text as registered_on, next_step, decision_hard_on::text as decision_hard_on from application where portal_request_id = $1',
    [parsed.requestId],
  );
  if (existing) return { application: { id: existing.id, regNumber: existing.reg_number, registeredOn: existing.registered_on, status: 'REGISTERED', nextStep: existing.next_step, decisionHardOn: existing.decision_hard_on }, replay: true };

  const receivedAt = ctx.clock.now();
  const day = today(ctx);
  const { iban } = validateForm1(form, day);
  const { version, category } = categoryOn(ctx.env, form.categoryCode, day);
  let requests: RegisterInput['dataRequests'];
  let byIin: Readonly<Record<string, EgovAnswers>>;
  if (parsed.informationSystems) {
    const s = parsed.informationSystems;
    byIin = s.answers as Record<string, EgovAnswers>;
    requests = [{ requestId: s.requestId, body: `portal (form 1-1), client ${ctx.client.id}, certified by EDS`, items: [...new Set(Object.values(s.answers).flatMap((a) => Object.keys(a)))], iins: Object.keys(s.answers), requestedAt: receivedAt.toString(), answeredAt: s.answeredAt, answers: s.answers }];
  } else {
    const gw = await requestInformationSystems(ctx.egov, form.applicant.iin, (form.family ?? []).map((m) => m.iin), day, category.incomeTest.required, ctx.clock);
    requests = gw.requests;
    byIin = gw.byIin;
  }
  const registering = runCommand(ctx, { action: 'application.register', targetType: 'application' }, async ({ sql }) => {
    const registered = await registerApplication(sql, ctx.env, ctx.actor, {
      channel: 'PORTAL', applicant: form.applicant, representative: form.representative, ground: category.ground, categoryCode: category.code, rulesVersion: version.id, iban, mobile: form.mobile ?? null, language: form.language ?? 'kk',
      ruralDistrictId: form.ruralDistrictId, address: form.address, family: assembleFamily(form, byIin, day), eventOn: form.eventDate ?? null, actualCostTiyn: form.actualCostTiyn ?? null,
      receivedAt, documents: form.documents, dataRequests: requests, portal: { requestId: parsed.requestId, signerIin, signerName: verdict.signer!.commonName },
    });
    return { result: registered, targetId: registered.id, after: { regNumber: registered.regNumber, status: 'REGISTERED', channel: 'PORTAL', client: ctx.client.id, signer: signerIin } };
  });
  try {
    return { application: await registering, replay: false };
  } catch (e) {
    // Two deliveries of the same request at once: the unique portal_request_id lets one win; the other answers with it.
    if ((e as { code?: unknown }).code !== '23505') throw e;
    const [again] = await ctx.database.query<{ id: string; reg_number: string; registered_on: string; next_step: string | null; decision_hard_on: string | null }>(
      'select id, reg_number, registered_on::text as registered_on, next_step, decision_hard_on::text as decision_hard_on from application where portal_request_id = $1',
      [parsed.requestId],
    );
    if (!again) throw e;
    return { application: { id: again.id, regNumber: again.reg_number, registeredOn: again.registered_on, status: 'REGISTERED', nextStep: again.next_step, decisionHardOn: again.decision_hard_on }, replay: true };
  }
}
