import type Database from 'better-sqlite3-multiple-ciphers';
import { m001 } from './001-residents';
import { m002 } from './002-accounts';
import { m003 } from './003-import-batches';
import { m004 } from './004-backups-and-retention';
import { m005 } from './005-party';
import { m006 } from './006-certificates';
import { m007 } from './007-mediation';
import { m008 } from './008-lists';
import { m009 } from './009-visits';
import { m010 } from './010-reminders';
import { m011 } from './011-tallies';
import { m012 } from './012-deferred-indexes';
import { m013 } from './013-desks-and-versions';
import { m014 } from './014-local-refusals';
import { m015 } from './015-consultation-and-volunteers';
import { m016 } from './016-module-reminders';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Append-only once landed: the order here is the order every ledger has been through. */
export const migrations: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016];
export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
