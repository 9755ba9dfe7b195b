/**
 * The demo network: the national level, one province (湖北) with its cities and a few counties,
 * covering every institution type, level and host. Contacts are made up.
 */
export interface DemoInstitution {
  key: string;
  parent?: string;
  name: string;
  type: string;
  level: 'national' | 'province' | 'city' | 'county';
  host?: 'park' | 'market' | 'enterprise' | 'university' | 'overseas';
  region?: string;
  services?: string[];
  ipTypes?: string[];
}

const all = ['consultation', 'infringement_opinion', 'warning_analysis', 'mediation', 'overseas_guidance', 'funding_aid'];
const core = ['consultation', 'infringement_opinion', 'mediation'];
const ip = ['patent', 'trademark', 'geographical_indication', 'ic_layout', 'copyright', 'trade_secret', 'plant_variety'];
const pt = ['patent', 'trademark'];

export const demoNetwork: DemoInstitution[] = [
  { key: 'cnipa', name: '国家知识产权局知识产权保护司', type: 'authority', level: 'national' },
  { key: 'overseas', parent: 'cnipa', name: '国家海外知识产权纠纷应对指导中心', type: 'overseas_center', level: 'national', services: ['overseas_guidance', 'consultation', 'warning_analysis'], ipTypes: ip },
  { key: 'hb_office', parent: 'cnipa', name: '湖北省知识产权局', type: 'authority', level: 'province', region: '420000' },
  { key: 'hb_center', parent: 'hb_office', name: '湖北省知识产权维权援助中心', type: 'assistance_center', level: 'province', region: '420000', services: all, ipTypes: ip },
  { key: 'hb_protect', parent: 'hb_office', name: '湖北省知识产权保护中心', type: 'protection_center', level: 'province', region: '420000', services: ['consultation', 'infringement_opinion', 'warning_analysis'], ipTypes: pt },
  { key: 'hb_overseas', parent: 'hb_center', name: '国家海外知识产权纠纷应对指导中心湖北分中心', type: 'overseas_center', level: 'province', region: '420000', services: ['overseas_guidance', 'consultation', 'warning_analysis'], ipTypes: ip },
  { key: 'hb_de', parent: 'hb_overseas', name: '湖北企业海外维权援助德国工作站', type: 'workstation', level: 'province', host: 'overseas', region: '420000', services: ['overseas_guidance', 'consultation'], ipTypes: pt },
  { key: 'wh', parent: 'hb_center', name: '武汉市知识产权维权援助中心', type: 'assistance_center', level: 'city', region: '420100', services: all, ipTypes: ip },
  { key: 'wh_protect', parent: 'hb_center', name: '中国（武汉）知识产权保护中心', type: 'protection_center', level: 'city', region: '420100', services: ['consultation', 'infringement_opinion', 'warning_analysis'], ipTypes: pt },
  { key: 'wh_hongshan', parent: 'wh', name: '武汉市洪山区知识产权维权援助受理处', type: 'intake_office', level: 'county', region: '420111', services: ['consultation'], ipTypes: ip },
  { key: 'wh_park', parent: 'wh', name: '东湖高新区光谷知识产权维权援助工作站', type: 'workstation', level: 'county', host: 'park', region: '420111', services: core, ipTypes: ['patent', 'trademark', 'ic_layout', 'trade_secret'] },
  { key: 'wh_market', parent: 'wh', name: '汉正街市场知识产权维权援助工作站', type: 'workstation', level: 'county', host: 'market', region: '420104', services: ['consultation', 'mediation'], ipTypes: ['trademark', 'copyright'] },
  { key: 'wh_univ', parent: 'wh', name: '华中地区高校知识产权维权援助工作站', type: 'workstation', level: 'county', host: 'university', region: '420111', services: ['consultation', 'warning_analysis'], ipTypes: ['patent', 'copyright'] },
  { key: 'yc', parent: 'hb_center', name: '宜昌市知识产权维权援助中心', type: 'assistance_center', level: 'city', region: '420500', services: all, ipTypes: ip },
  { key: 'yc_yiling', parent: 'yc', name: '宜昌市夷陵区知识产权维权援助工作站', type: 'workstation', level: 'county', region: '420506', services: core, ipTypes: ['geographical_indication', 'trademark', 'plant_variety'] },
  { key: 'yc_ent', parent: 'yc', name: '三峡智造集团知识产权维权援助工作站', type: 'workstation', level: 'county', host: 'enterprise', region: '420502', services: ['consultation', 'warning_analysis'], ipTypes: pt },
  { key: 'xy', parent: 'hb_center', name: '襄阳市知识产权维权援助中心', type: 'assistance_center', level: 'city', region: '420600', services: all, ipTypes: ip },
  { key: 'xy_fancheng', parent: 'xy', name: '襄阳市樊城区知识产权维权援助受理处', type: 'intake_office', level: 'county', region: '420606', services: ['consultation'], ipTypes: ip },
  { key: 'sy', parent: 'hb_center', name: '十堰市知识产权快速维权中心', type: 'rapid_center', level: 'city', region: '420300', services: ['consultation', 'infringement_opinion', 'mediation'], ipTypes: ['patent', 'trademark', 'copyright'] },
  { key: 'hs', parent: 'hb_center', name: '湖北省知识产权维权援助中心黄石分中心', type: 'sub_center', level: 'city', region: '420200', services: core, ipTypes: ip },
  { key: 'xg', parent: 'hb_center', name: '湖北省知识产权维权援助中心孝感分中心', type: 'sub_center', level: 'city', region: '420900', services: core, ipTypes: ip },
  { key: 'jz', parent: 'hb_center', name: '荆州市知识产权维权援助中心', type: 'assistance_center', level: 'city', region: '421000', services: core, ipTypes: ip },
  { key: 'jz_shashi', parent: 'jz', name: '荆州市沙市区知识产权维权援助受理处', type: 'intake_office', level: 'county', region: '421002', services: ['consultation'], ipTypes: ip },
];

export interface DemoUser {
  username: string;
  name: string;
  role: string;
  at: string;
  kind?: 'staff' | 'expert' | 'volunteer';
  mustChange?: boolean;
}

/** One user for every role. All share DEMO_PASSWORD except the system administrator. */
export const DEMO_PASSWORD = 'Hubei#Assist2026';
export const ADMIN_INITIAL_PASSWORD = 'Start#Hubei2026';

export const demoUsers: DemoUser[] = [
  { username: 'admin', name: '系统管理员', role: 'system_admin', at: 'cnipa', mustChange: true },
  { username: 'secadmin', name: '安全管理员', role: 'security_admin', at: 'cnipa' },
  { username: 'auditor', name: '审计管理员', role: 'audit_admin', at: 'cnipa' },
  { username: 'hb_supervisor', name: '周明（省局监督）', role: 'supervisor', at: 'hb_office' },
  { username: 'hb_admin', name: '李静（省中心管理员）', role: 'institution_admin', at: 'hb_center' },
  { username: 'wh_clerk', name: '王芳（接待）', role: 'intake_clerk', at: 'wh' },
  { username: 'wh_handler', name: '张伟（承办）', role: 'case_handler', at: 'wh' },
  { username: 'wh_reviewer', name: '刘洋（审核）', role: 'reviewer', at: 'wh' },
  { username: 'yc_handler', name: '陈晨（承办）', role: 'case_handler', at: 'yc' },
  { username: 'expert_wu', name: '吴教授（专家）', role: 'expert', at: 'hb_center', kind: 'expert' },
  { username: 'volunteer_he', name: '何同学（志愿者）', role: 'volunteer', at: 'wh', kind: 'volunteer' },
];

export const demoApplicant = {
  email: 'applicant@example.com',
  phone: '13800138000',
  name: '武汉光谷微电子有限公司',
  creditCode: '91420100MA4K5T2Q3Q',
};
