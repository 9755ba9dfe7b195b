import {
  institutionHosts, institutionLevels, institutionTypes, ipTypes, parseLabelled, services,
  type InstitutionHost, type InstitutionLevel, type InstitutionType, type IpType, type Labelled, type Service,
} from '@yuanzhi/contracts';
import { columns } from './institutions.xlsx.ts';

/** Checks of one import row on its own (the cross-row checks are in institutions.import.ts). */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
  messageEn: string;
}

export interface RowValues {
  name: string;
  shortName: string | null;
  type: InstitutionType;
  level: InstitutionLevel;
  host: InstitutionHost | null;
  regionCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  hours: string | null;
  contactPerson: string | null;
  ipTypes: IpType[];
  services: Service[];
  description: string | null;
  establishedOn: string | null;
}

type Err = (field: string, message: string, messageEn: string) => void;
const header = (key: string) => columns.find((c) => c.key === key)?.zh ?? key;
const maxLen: Record<string, number> = {
  shortName: 50, address: 200, phone: 50, email: 100, website: 200, hours: 200, contactPerson: 50, description: 2000,
};

function one<V extends string>(list: readonly Labelled<V>[], key: string, text: string, err: Err): V | null | undefined {
  if (!text) return null;
  const v = parseLabelled(list, text);
  if (!v) err(key, `“${header(key)}”的值无效：${text}`, `Unknown ${key}: ${text}`);
  return v;
}

function many<V extends string>(list: readonly Labelled<V>[], key: string, text: string, err: Err): V[] | undefined {
  const parts = text.split(/[、,，;；\s]+/).filter(Boolean);
  const out: V[] = [];
  for (const p of parts) {
    const v = parseLabelled(list, p);
    if (!v) {
      err(key, `“${header(key)}”的值无效：${p}`, `Unknown ${key}: ${p}`);
      return undefined;
    }
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The row's values, or null when a field is wrong (each problem reported through `err`). */
export function checkRow(c: Record<string, string>, regions: Set<string>, err: Err): RowValues | null {
  let ok = true;
  const fail: Err = (f, zh, en) => {
    ok = false;
    err(f, zh, en);
  };
  const name = c.name ?? '';
  if (!name) fail('name', '“机构名称”不能为空', 'Name is required');
  else if (name.length < 2 || name.length > 100) fail('name', '“机构名称”应为 2 至 100 个字', 'Name must be 2–100 characters');
  const type = c.type ? one(institutionTypes, 'type', c.type, fail) : (fail('type', '“机构类型”不能为空', 'Type is required'), undefined);
  const level = c.level ? one(institutionLevels, 'level', c.level, fail) : (fail('level', '“机构级别”不能为空', 'Level is required'), undefined);
  const host = one(institutionHosts, 'host', c.host ?? '', fail);
  const ip = many(ipTypes, 'ipTypes', c.ipTypes ?? '', fail);
  const svc = many(services, 'services', c.services ?? '', fail);
  const regionCode = c.regionCode || null;
  if (regionCode && !regions.has(regionCode)) fail('regionCode', `行政区划代码不存在：${regionCode}`, `No region has the code ${regionCode}`);
  for (const [k, max] of Object.entries(maxLen)) {
    if ((c[k] ?? '').length > max) fail(k, `“${header(k)}”不能超过 ${max} 个字`, `${k} is longer than ${max} characters`);
  }
  if (c.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email)) fail('email', `电子邮箱格式不正确：${c.email}`, 'Malformed e-mail address');
  if (c.establishedOn && !validDate(c.establishedOn)) {
    fail('establishedOn', '“成立日期”应为 YYYY-MM-DD 格式的日期', 'establishedOn must be a date YYYY-MM-DD');
  }
  if (!ok || !type || !level || host === undefined || !ip || !svc) return null;
  const t = (k: string) => c[k] || null;
  return {
    name, shortName: t('shortName'), type, level, host, regionCode, address: t('address'), phone: t('phone'),
    email: t('email'), website: t('website'), hours: t('hours'), contactPerson: t('contactPerson'),
    ipTypes: ip, services: svc, description: t('description'), establishedOn: t('establishedOn'),
  };
}
