import crypto from 'node:crypto';
import { maskPhone } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Deps } from '../platform/deps.ts';
import { deliverAlert, getAlert } from '../modules/alerts/alerts.service.ts';
import { systemScope } from '../authz/can.ts';

/**
 * Demo trainings (past ones closed with check-ins, head counts and feedback; one held today; upcoming ones open for
 * registration, one full with a waiting list; a draft), publicity activities around 4·26, and risk alerts — the demo
 * applicant subscribes to the US and manufacturing, so the published US alert sits in its notifications.
 */
type T = [title: string, at: string, days: number, hours: number, topics: string[], mode: string, place: string, capacity: number | null, state: string, people: number, checked: number, headCount: number | null];

const WH = '武汉市知识产权维权援助中心';
const HB = '湖北省知识产权维权援助中心';
const YC = '宜昌市知识产权维权援助中心';
const trainings: T[] = [
  ['知识产权布局与高价值专利培育专题研讨会', HB, -60, 3, ['high_value_patents', 'patent_search'], 'offline', '湖北省知识产权局 3 楼会议室', 80, 'closed', 64, 58, null],
  ['“楚天行云课堂”商标与地理标志保护线上培训', HB, -45, 2, ['trademarks_brands'], 'online', '', null, 'closed', 0, 0, 1260],
  ['专利申请实务与知识产权信息检索培训', WH, -30, 3, ['patent_search', 'ip_basics'], 'offline', '武汉市东湖新技术开发区光谷创业街 3 号报告厅', 60, 'closed', 52, 47, null],
  ['外贸企业海外知识产权纠纷应对实务', WH, -12, 3, ['overseas_disputes', 'litigation'], 'hybrid', '武汉市知识产权维权援助中心 2 楼培训室', 40, 'held', 38, 33, null],
  ['专利质押融资政策解读与银企对接会', WH, 6, 2, ['pledge_financing'], 'offline', '武汉市知识产权维权援助中心 2 楼培训室', 30, 'published', 30, 0, null],
  ['中小微企业商业秘密保护公益讲座', YC, 10, 2, ['trade_secrets', 'compliance'], 'offline', '宜昌市高新区创新大厦 5 楼', 50, 'published', 12, 0, null],
  ['电商平台侵权投诉与维权指引（草稿）', WH, 20, 2, ['litigation', 'ip_basics'], 'online', '', 100, 'draft', 0, 0, null],
];

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const given = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '桂英', '文'];
const orgs = ['武汉某光电科技有限公司', '湖北某生物医药股份有限公司', '武汉某新材料有限公司', '宜昌某机械制造有限公司', '武汉某软件有限公司', '湖北某农业发展有限公司'];

export async function loadDemoTrainings(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const day = (d: number, h: number) => {
    const x = new Date(now.getTime() + d * 86400_000);
    x.setUTCHours(h, 0, 0, 0);
    return x;
  };
  const inst = async (name: string) => (await sql<{ id: string; path: string }>`SELECT id, path::text AS path FROM institutions WHERE name = ${name}`.execute(deps.db)).rows[0]!;
  const speakers = await deps.db.selectFrom('experts').select(['id', 'name']).where('name', 'in', ['何老师', '罗律师', '吴教授', '林博士']).execute();
  await deps.db.transaction().execute(async (tx) => {
    let n = 0;
    for (const [title, at, days, hours, topics, mode, place, capacity, state, people, checked, headCount] of trainings) {
      const i = await inst(at);
      const starts = day(days, 1);
      const t = await tx.insertInto('trainings').values({
        institution_id: i.id, institution_path: i.path, title, summary: `面向企业和创新主体的公益${mode === 'online' ? '线上' : ''}培训，围绕${title.replace(/（草稿）$/, '')}讲解政策、实务与典型案例，并现场答疑。`,
        topics, audience: '中小微企业、专精特新企业知识产权负责人', mode, place: place || null, online_url: mode === 'offline' ? null : 'https://meeting.example.org/yuanzhi',
        starts_at: starts, ends_at: new Date(starts.getTime() + hours * 3600_000), organiser: at, co_organisers: at === WH ? ['武汉市律师协会知识产权专业委员会'] : [],
        capacity, state: state as 'draft', checkin_token: crypto.randomBytes(18).toString('base64url'), head_count: headCount, created_by: null,
        published_at: state === 'draft' ? null : day(days - 14, 2), updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const sp = speakers.slice(n % 3, (n % 3) + 2);
      if (sp.length) await tx.insertInto('training_speakers').values(sp.map((s, position) => ({ training_id: t.id, expert_id: s.id, position }))).execute();
      const regs = [];
      // The full upcoming training carries three more on its waiting list.
      const total = people + (capacity !== null && people >= capacity && state === 'published' ? 3 : 0);
      for (let k = 0; k < total; k++) {
        const phone = `139${String(10_000_000 + n * 1000 + k).slice(-8)}`;
        const when = new Date(starts.getTime() - (10 - (k % 9)) * 86400_000);
        const confirmed = capacity === null || k < capacity;
        regs.push({
          training_id: t.id, name: surnames[k % surnames.length] + given[(k * 7 + n) % given.length], phone_enc: deps.secrets.encrypt(phone), phone_hmac: deps.secrets.hmac(phone),
          phone_masked: maskPhone(phone), organisation: orgs[k % orgs.length], code: `D${String(n)}${String(k).padStart(4, '0')}`.slice(0, 6),
          status: (confirmed ? 'confirmed' : 'waitlisted') as 'confirmed', checked_in_at: k < checked ? new Date(starts.getTime() - 15 * 60_000 + k * 20_000) : null,
          checked_in_via: (k < checked ? (k % 5 === 0 ? 'staff' : 'qr') : null) as 'qr' | null, reminded_at: null, created_at: when, updated_at: when,
        });
      }
      if (regs.length) {
        const ids = await tx.insertInto('training_registrations').values(regs).returning(['id', 'checked_in_at']).execute();
        const fb = ids.filter((r) => r.checked_in_at).slice(0, Math.ceil(checked / 3));
        const comments = ['案例讲解很实用，希望多举办', '时间稍紧，建议增加答疑环节', '对海外应诉流程有了清楚认识', '', '希望提供课件下载'];
        if (fb.length && state !== 'published') {
          await tx.insertInto('training_feedback').values(fb.map((r, k) => ({
            training_id: t.id, registration_id: r.id, score: [5, 4, 5, 3, 5, 4][k % 6], comment: comments[k % comments.length] || null, created_at: new Date(starts.getTime() + 5 * 3600_000),
          }))).execute();
        }
      }
      n++;
    }

    const outreach: [string, string, number, string, string, number | null, number | null][] = [
      ['4·26 知识产权宣传周启动仪式暨维权援助咨询日', HB, -220, 'ip_day', 'on_site', 1500, null],
      ['4·26 “知识产权进社区”普法宣传', WH, -219, 'ip_day', 'on_site', 620, null],
      ['维权援助服务指南短视频系列', WH, -200, 'campaign', 'short_video', null, 86000],
      ['“维权援助进园区”专场宣讲（光谷）', WH, -90, 'lecture', 'on_site', 210, null],
      ['中国（湖北）进出口商品交易会维权援助宣传', YC, -40, 'exhibition_booth', 'on_site', 900, null],
      ['维权援助典型案例微信推文', HB, -15, 'media_release', 'wechat', null, 23500],
    ];
    for (const [name, at, d, kind, channel, people, views] of outreach) {
      const i = await inst(at);
      await tx.insertInto('outreach_activities').values({
        // 4·26 activities fall on World IP Day week of this year; the others are dated relative to today.
        institution_id: i.id, institution_path: i.path, name, held_on: kind === 'ip_day' ? `${now.getUTCFullYear()}-04-${26 + (d + 220)}` : day(d, 2).toISOString().slice(0, 10),
        kind, channel, reach_people: people, reach_views: views,
        notes: null, created_by: null, updated_at: now,
      }).execute();
    }

    const applicant = await tx.selectFrom('users').select('id').where('kind', '=', 'applicant').orderBy('created_at').limit(1).executeTakeFirst();
    if (applicant) await tx.insertInto('alert_subscriptions').values({ user_id: applicant.id, countries: ['US', 'DE'], industries: ['manufacturing'], email: true, updated_at: now }).execute();
    const alerts: [string, string, string[], string[], string, string, string, boolean][] = [
      ['美国 337 调查涉及激光加工设备', HB, ['US'], ['manufacturing', 'import_export'], 'litigation',
        '美国国际贸易委员会近期就激光加工设备及其组件发起 337 调查，涉及多家中国出口企业。', '排查出口产品涉及的美国专利；保存研发与销售记录；收到调查通知后尽快联系维权援助中心或海外纠纷应对指导中心获取应诉指导。', true],
      ['德国展会临时禁令风险提示', WH, ['DE'], ['exhibition', 'manufacturing'], 'exhibition_complaint',
        '德国部分专业展会期间，权利人可向法院申请临时禁令，参展企业展品可能被要求撤展。', '参展前完成展品专利、商标风险排查，备齐权属证明，必要时提前委托当地律师。', true],
      ['东南亚市场商标抢注风险提示', HB, ['VN', 'TH', 'ID'], ['e_commerce', 'import_export'], 'trademark_squatting',
        '部分东南亚国家出现中国品牌商标被抢注情况。', '尽早通过马德里体系或逐国申请注册商标，定期监测当地商标公告。', false],
    ];
    for (const [title, at, countries, industries, kind, body, advice, publish] of alerts) {
      const i = await inst(at);
      const a = await tx.insertInto('risk_alerts').values({
        institution_id: i.id, institution_path: i.path, title, countries, industries, risk_kind: kind, body, advice, source: '国家海外知识产权纠纷应对指导中心',
        state: publish ? 'published' : 'draft', created_by: null, published_at: publish ? day(-3, 2) : null,
      }).returning('id').executeTakeFirstOrThrow();
      if (publish) await deliverAlert(deps, tx, (await getAlert(tx, systemScope(), a.id))!);
    }
  });
}
