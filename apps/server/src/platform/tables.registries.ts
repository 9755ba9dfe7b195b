import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the registries (migration 20261203T0300_registries.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string | null, string | null | undefined, string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

interface Owned {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnerContactRow { name: string; title?: string | null; phoneEnc?: string | null; phoneMasked?: string | null; email?: string | null }

export interface PartnersTable extends Owned {
  name: string;
  kind: string;
  credit_code: string | null;
  region_code: string | null;
  signed_on: DateCol;
  valid_until: DateCol;
  provides: TextArray;
  contacts: Json<PartnerContactRow[]>;
  notes: string | null;
  status: Generated<'active' | 'ended'>;
}

export interface KeyEnterprisesTable extends Owned {
  name: string;
  credit_code: string;
  size: string | null;
  tags: TextArray;
  industry: string | null;
  region_code: string | null;
  liaison_user_id: string | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  listed_on: DateCol;
  notes: string | null;
  status: Generated<'active' | 'removed'>;
}

export interface KeyEnterpriseLogsTable {
  id: Generated<string>;
  enterprise_id: string;
  kind: 'contact' | 'service';
  happened_on: ColumnType<string, string, string>;
  summary: string;
  service: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Timestamp;
}

export interface VolunteerTeamsTable extends Owned {
  name: string;
  host_kind: string;
  host_name: string | null;
  host_credit_code: string | null;
  founded_on: DateCol;
  leader_name: string | null;
  notes: string | null;
  status: Generated<'active' | 'dissolved'>;
}

export interface VolunteersTable extends Owned {
  team_id: string;
  user_id: string | null;
  name: string;
  employer: string | null;
  id_number_enc: string | null;
  id_number_hmac: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  email: string | null;
  skills: TextArray;
  joined_on: DateCol;
  notes: string | null;
  status: Generated<'active' | 'left'>;
}

export interface VolunteerHoursTable {
  id: Generated<string>;
  volunteer_id: string;
  team_id: string;
  institution_id: string;
  institution_path: string;
  served_on: ColumnType<string, string, string>;
  activity: string;
  hours: ColumnType<string, number, number>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface OverseasEntriesTable extends Owned {
  kind: 'law' | 'case' | 'enterprise' | 'lawyer';
  title: string;
  country: string;
  industries: TextArray;
  ip_types: TextArray;
  dated_on: DateCol;
  organisation: string | null;
  credit_code: string | null;
  languages: TextArray;
  email: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  source_url: string | null;
  summary: string | null;
  status: Generated<'active' | 'archived'>;
}

export interface RegistryImportsTable {
  id: Generated<string>;
  registry: string;
  institution_id: string;
  institution_path: string;
  created_by: string | null;
  status: Generated<'queued' | 'checking' | 'writing' | 'done' | 'invalid' | 'failed'>;
  total: Generated<number>;
  processed: Generated<number>;
  imported: Generated<number>;
  errors: Json;
  file: Buffer | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}
