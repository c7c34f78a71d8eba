/**
 * The outside systems Komek talks to, each behind a port (src/adapters/<system>/port.ts). main.ts is the
 * only place that chooses real or fake implementations; use cases receive only the ports they use.
 */
import type { EdsVerifier } from './adapters/eds/port';
import type { SmsGateway } from './adapters/sms/port';
import type { PersonalCabinet } from './adapters/cabinet/port';
import type { MobileCitizens } from './adapters/mobile-citizens/port';
import type { MinistrySystem } from './adapters/ministry/port';
import type { PaymentOrganisation } from './adapters/bank/port';
import type { Form7Stager } from './adapters/ministry-bulk/port';
import type { RegisteredPhones } from './adapters/mobile-citizens/registry-phones';
import type { EgovGateway } from './adapters/egov/port';

export interface Ports {
  readonly [name: string]: unknown;
  /** EDS verification of portal applications (p.11). */
  readonly eds?: EdsVerifier;
  /** SMS notices of decisions (p.19). */
  readonly sms?: SmsGateway;
  /** Portal personal-cabinet notices of decisions (p.19). */
  readonly cabinet?: PersonalCabinet;
  /** Is a mobile number registered in the mobile-citizens database (p.19 decision notices)? */
  readonly mobileCitizens?: MobileCitizens;
  /** The ministry's information system: form 7 recipients for holiday runs (p.25). */
  readonly ministry?: MinistrySystem;
  /** The State Corporation / payment organisations: payment orders and statements (p.29–p.32). */
  readonly bank?: PaymentOrganisation;
  /** The ministry's bulk form 7 path: stages recipients set-based for million-row holiday runs (p.25). */
  readonly ministryBulk?: Form7Stager;
  /** The mobile-citizens database by IIN: registered numbers for notices of holiday payments (p.10, p.19). */
  readonly registeredPhones?: RegisteredPhones;
  /** The e-government gateway: form 1-2 requests to state information systems (p.11). */
  readonly egov?: EgovGateway;
}
