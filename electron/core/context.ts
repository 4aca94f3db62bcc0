import type { Db } from '../db/open';
import type { Log } from './logger';
import type { Clock, Platform, SecretStore } from './platform';

/** What every domain's handlers receive: the open database and the outside world. */
export interface CoreContext {
  readonly dataDir: string;
  readonly databasePath: string;
  readonly db: Db;
  readonly schemaVersion: number;
  readonly clock: Clock;
  readonly platform: Platform;
  readonly secretStore: SecretStore;
  readonly log: Log;
  readonly appVersion: string;
}

/**
 * What one call changes things with, built once per call by the dispatcher:
 * the database, one "now" for everything the call records (so a change and
 * its audit entry agree to the millisecond), and the administrator's name.
 */
export interface WriteContext {
  readonly db: Db;
  readonly now: Date;
  readonly actor: string;
}
