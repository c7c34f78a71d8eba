/**
 * The outside systems Komek talks to, each behind a port (src/adapters/<system>/port.ts). main.ts is the
 * only place that chooses real or fake implementations; use cases receive only the ports they use.
 */
import type { EdsVerifier } from './adapters/eds/port';
import type { SmsGateway } from './adapters/sms/port';
import type { PersonalCabinet } from './adapters/cabinet/port';

export interface Ports {
  readonly [name: string]: unknown;
  /** EDS verification of portal applications (p.11). */
  readonly eds?: EdsVerifier;
  /** SMS notices of decisions (p.19). */
  readonly sms?: SmsGateway;
  /** Portal personal-cabinet notices of decisions (p.19). */
  readonly cabinet?: PersonalCabinet;
}
