/**
 * The outside systems Komek talks to, each behind a port (src/adapters/<system>/port.ts). main.ts is the
 * only place that chooses real or fake implementations; use cases receive only the ports they use.
 */
import type { EdsVerifier } from './adapters/eds/port';

export interface Ports {
  readonly [name: string]: unknown;
  /** EDS verification of portal applications (p.11). */
  readonly eds?: EdsVerifier;
}
