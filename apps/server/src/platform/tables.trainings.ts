import type { ColumnType, Generated } from 'kysely';

/** Kysely types of trainings, publicity activities and risk alerts (migration 20261203T0400_trainings.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface TrainingsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  title: string;
  summary: string | null;
  topics: TextArray;
  audience: string | null;
  mode: string;
  place: string | null;
  online_url: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  organiser: string;
  co_organisers: TextArray;
  capacity: number | null;
  state: Generated<'draft' | 'published' | 'held' | 'closed'>;
  checkin_token: string;
  head_count: number | null;
  version: Generated<number>;
  created_by: string | null;
  published_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface TrainingSpeakersTable {
  training_id: string;
  expert_id: string;
  position: number;
}

export interface TrainingRegistrationsTable {
  id: Generated<string>;
  training_id: string;
  name: string;
  phone_enc: string;
  phone_hmac: string;
  phone_masked: string;
  organisation: string | null;
  code: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  checked_in_at: Timestamp | null;
  checked_in_via: 'qr' | 'staff' | null;
  reminded_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingFeedbackTable {
  id: Generated<string>;
  training_id: string;
  registration_id: string;
  score: number;
  comment: string | null;
  created_at: Timestamp;
}

export interface OutreachActivitiesTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  name: string;
  held_on: ColumnType<string, string, string>;
  kind: string;
  channel: string;
  reach_people: number | null;
  reach_views: number | null;
  notes: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface RiskAlertsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  title: string;
  countries: TextArray;
  industries: TextArray;
  risk_kind: string;
  body: string;
  advice: string;
  source: string | null;
  state: Generated<'draft' | 'published'>;
  created_by: string | null;
  published_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface AlertSubscriptionsTable {
  user_id: string;
  countries: TextArray;
  industries: TextArray;
  email: boolean;
  updated_at: Timestamp;
}

export interface RiskAlertDeliveriesTable {
  alert_id: string;
  user_id: string;
  notification_id: string;
}

export interface RiskAlertEnterprisesTable {
  alert_id: string;
  enterprise_id: string;
  liaison_user_id: string | null;
  notification_id: string | null;
}
