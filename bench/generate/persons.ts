import { maskAddress, maskIdNumber, maskPhone } from '@yuanzhi/domain';
import type { Secrets } from '../../apps/server/src/platform/secrets.ts';
import { insertColumns, type Conn } from './bulk.ts';

/**
 * Natural persons of the generated data (applicants, opposing parties, experts, askers), a pure function of their
 * number, so that a test can recompute any person's ID number and phone and look for them in clear text.
 */
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁晨辉鹏飞欣悦琳瑶雪婷倩颖佳怡思嘉子轩梓涵';
const roads = ['人民路', '解放大道', '中山路', '建设路', '光谷大道', '科技园路', '创业街', '滨江路', '高新大道', '工业园路'];
const idRegions = ['110105', '310104', '440305', '330106', '320102', '420111', '510107', '370102', '350203', '610113'];

export interface Person { name: string; idNumber: string; phone: string; address: string }

export function personAt(n: number): Person {
  const s = surnames[n % surnames.length]!;
  const g = given[(n * 7) % given.length]! + (n % 3 === 0 ? '' : given[(n * 13 + 5) % given.length]!);
  const birth = new Date(Date.UTC(1960, 0, 1) + ((n * 7919) % 14_600) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `${idRegions[n % idRegions.length]}${birth}${String(n % 1000).padStart(3, '0')}`;
  return {
    name: s + g,
    idNumber: body + checkDigit(body),
    phone: `1${['39', '38', '37', '36', '35', '58', '59', '86', '88', '89'][n % 10]}${String(10_000_000 + ((n * 104_729) % 90_000_000)).slice(0, 8)}`,
    address: `${['北京市朝阳区', '上海市徐汇区', '广东省深圳市南山区', '浙江省杭州市西湖区', '江苏省南京市玄武区', '湖北省武汉市洪山区'][n % 6]}${roads[n % roads.length]}${1 + (n % 300)}号`,
  };
}

/** GB 11643 check character. */
function checkDigit(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

/**
 * gen_pii: `size` persons with their ID number, phone and address encrypted exactly as cases.parties.ts stores a
 * party (AES-256-GCM with the platform's key, a masked copy, the phone's keyed hash). Every table's personal data is
 * drawn from here, so the clear text never reaches PostgreSQL.
 */
export async function personPool(conn: Conn, secrets: Secrets, size: number): Promise<void> {
  const cols = { n: [] as number[], name: [] as string[], id_enc: [] as string[], id_hmac: [] as string[], id_masked: [] as string[],
    phone_enc: [] as string[], phone_hmac: [] as string[], phone_masked: [] as string[], addr_enc: [] as string[], addr_masked: [] as string[] };
  for (let n = 1; n <= size; n++) {
    // Encryption is Node's CPU: let the other lane's statements be sent meanwhile.
    if (n % 2000 === 0) await new Promise(setImmediate);
    const p = personAt(n);
    cols.n.push(n);
    cols.name.push(p.name);
    cols.id_enc.push(secrets.encrypt(p.idNumber));
    cols.id_hmac.push(secrets.hmac(p.idNumber));
    cols.id_masked.push(maskIdNumber(p.idNumber));
    cols.phone_enc.push(secrets.encrypt(p.phone));
    cols.phone_hmac.push(secrets.hmac(p.phone));
    cols.phone_masked.push(maskPhone(p.phone));
    cols.addr_enc.push(secrets.encrypt(p.address));
    cols.addr_masked.push(maskAddress(p.address));
  }
  await insertColumns(conn, 'gen_pii', cols, Object.fromEntries(Object.keys(cols).map((c) => [c, c === 'n' ? 'int[]' : 'text[]'])));
}

export const personPoolTable = `CREATE UNLOGGED TABLE gen_pii (n int PRIMARY KEY, name text, id_enc text, id_hmac text, id_masked text,
  phone_enc text, phone_hmac text, phone_masked text, addr_enc text, addr_masked text)`;
