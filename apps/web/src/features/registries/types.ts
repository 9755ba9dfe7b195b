import type { Labelled } from '@yuanzhi/contracts';
import type { ReactNode } from 'react';

/** A registry's screen described as data; RegistryPage draws list, filters, import/export, detail and forms from it. */
export type Rec = Record<string, any> & { id: string; version: number; institutionName: string; status: string };

export type FieldType = 'text' | 'textarea' | 'select' | 'multi' | 'date' | 'creditCode' | 'mobile' | 'idNumber' | 'email' | 'url' | 'country' | 'languages' | 'team' | 'liaison';

export interface FieldUi {
  key: string;
  zh: string;
  en: string;
  type: FieldType;
  list?: readonly Labelled[];
  required?: boolean;
  max?: number;
  /** Shown in the list table too. */
  column?: boolean;
  /** Not editable after creation (or entered elsewhere). */
  createOnly?: boolean;
  /** Only entered, never shown (personal data the server keeps encrypted). */
  formOnly?: boolean;
  /** Only shown, never entered (masked values, names of linked records). */
  readOnly?: boolean;
}

export interface FilterUi { key: string; zh: string; en: string; list?: readonly Labelled[]; width?: number }

export interface RegistryUi {
  /** Query-key and test-id prefix, e.g. "partner". */
  key: string;
  api: string;
  title: [string, string];
  perms: { read: string; manage: string; export: string };
  /** The field that names a record (title of the drawer, first column). */
  nameKey: string;
  fields: FieldUi[];
  filters: FilterUi[];
  statuses: readonly Labelled[];
  /** Body sent on create/edit from the form's values (e.g. one contact → contacts). */
  toBody?: (values: Record<string, any>, rec?: Rec) => Record<string, any>;
  /** Form values of an existing record. */
  toForm?: (rec: Rec) => Record<string, any>;
  /** More of the detail drawer (logs, hours). */
  extra?: (rec: Rec) => ReactNode;
  /** Fixed filters (the overseas kind tab). */
  fixed?: Record<string, string>;
  /** Import hint naming the columns a file needs. */
  importHint: [string, string];
}

/** What the import dialog needs: the registries pass their RegistryUi, the expert pool its own. */
export type ImportUi = Pick<RegistryUi, 'key' | 'api' | 'title' | 'importHint'> & { fields: Pick<FieldUi, 'key' | 'zh' | 'en'>[]; queryKey?: string; accept?: string; label?: [string, string] };
