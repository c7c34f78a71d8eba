/**
 * Produces a Komek EDS envelope (port.ts) over some content: what a signing client (the fake portal,
 * tests, demos) does with the citizen's key. Real citizens sign with NCALayer and their NCA RK key.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { signedBytes, type EdsEnvelope } from './x509-verifier';

export interface SignInput {
  readonly content: Uint8Array;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  /** ISO instant of signing. */
  readonly signedAt: string;
  readonly intermediatesPem?: readonly string[];
}

/** Signs `content` detached and returns the base64 envelope. */
export function signDetached(input: SignInput): string {
  const key = createPrivateKey(input.privateKeyPem);
  const type = key.asymmetricKeyType;
  const algorithm: EdsEnvelope['algorithm'] = type === 'ec' ? 'ECDSA-SHA256' : type === 'rsa' ? 'RSA-SHA256' : 'Ed25519';
  const signature = sign(type === 'ed25519' ? null : 'sha256', signedBytes(input.signedAt, input.content), key).toString('base64');
  const envelope: EdsEnvelope = {
    v: 1,
    algorithm,
    certificatePem: input.certificatePem,
    ...(input.intermediatesPem ? { intermediatesPem: input.intermediatesPem } : {}),
    signedAt: input.signedAt,
    signature,
  };
  return Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64');
}
