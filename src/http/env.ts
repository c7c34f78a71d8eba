/** What every request handler can reach: the app's dependencies and the request's actor and language. */
import type { Database } from '../db/connect';
import type { Actor, Clock } from '../context';
import type { Lang } from '../rules/explain';
import type { Config } from '../config';
import type { Logger } from 'pino';
import type { Ports } from '../ports';

export interface AppDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly config: Config;
  readonly log: Logger;
  readonly ports: Ports;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    sessionToken: string | null;
    lang: Lang;
  };
}
