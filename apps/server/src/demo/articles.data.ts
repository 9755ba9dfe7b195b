/**
 * Demo articles, written for this project (facts from the public seed documents; wording our own).
 * `at`: the publishing institution's name; `days`: how long ago it was published; `state` defaults to published.
 */
export interface DemoArticle {
  kind: 'policy' | 'knowledge' | 'case_study' | 'news' | 'guide' | 'qa';
  title: string;
  summary: string;
  body: string[];
  at: string;
  days: number;
  views: number;
  ipTypes?: string[];
  tags?: string[];
  region?: string;
  meta?: Record<string, unknown>;
  state?: 'draft' | 'in_review' | 'published' | 'withdrawn';
}

const NATIONAL = '国家知识产权局知识产权保护司';
const HB = '湖北省知识产权维权援助中心';
const HBO = '湖北省知识产权局';
const WH = '武汉市知识产权维权援助中心';
const YC = '宜昌市知识产权维权援助中心';
const OS = '国家海外知识产权纠纷应对指导中心湖北分中心';

export const demoArticles: DemoArticle[] = [
  // 政策法规
  { kind: 'policy', at: NATIONAL, days: 400, views: 1860, title: '关于进一步加强知识产权维权援助工作的指导意见', ipTypes: ['patent', 'trademark', 'geographical_indication', 'ic_layout'], tags: ['指导意见', '一张网'],
    summary: '国家层面部署维权援助工作：明确服务范围、健全工作体系、夯实工作基础，目标年份为 2025 年。',
    body: ['<h3>要点</h3>', '服务对象为自然人、法人和其他组织，知识产权类别涵盖专利、商标、地理标志和集成电路布图设计。', '服务内容包括咨询指导、侵权判定参考意见、分析预警、公益研讨培训和展会驻场服务。', '工作体系强调横纵协调、点面结合、社会共治，建设全国“一张网”。'],
    meta: { issuingBody: '国家知识产权局', documentNumber: '国知发保字〔2020〕1号', issuedOn: '2020-01-09', validity: 'in_force' } },
  { kind: 'policy', at: HBO, days: 380, views: 920, region: '420000', title: '湖北省进一步加强知识产权维权援助工作实施方案', ipTypes: ['patent', 'trademark'], tags: ['实施方案', '湖北'],
    summary: '省级落实方案：建设省、市、县三级维权援助网络，规范接待登记和档案管理，按年考核各市工作。',
    body: ['<h3>主要安排</h3>', '省维权援助中心统筹全省业务指导，各市设立维权援助中心，县（市、区）设工作站或受理处。', '推动工作站进园区、进市场、进企业、进高校。', '建立案件移交和与 12315 平台的衔接机制，定期向省中心报送工作信息。'],
    meta: { issuingBody: '湖北省知识产权局', documentNumber: '鄂知发〔2020〕12号', issuedOn: '2020-08-20', validity: 'in_force' } },
  { kind: 'policy', at: NATIONAL, days: 300, views: 740, title: '专利侵权纠纷行政裁决办案指南（摘要）', ipTypes: ['patent'], tags: ['行政裁决'],
    summary: '介绍专利侵权纠纷行政裁决的受理条件、审理程序和证据规则。',
    body: ['请求人应为专利权人或利害关系人，并有明确的被请求人和具体请求事项。', '办案机关依法组织口头审理，必要时可进行现场勘验。', '当事人对裁决不服的，可依法提起行政诉讼。'],
    meta: { issuingBody: '国家知识产权局', documentNumber: '国知发保字〔2019〕58号', issuedOn: '2019-12-27', validity: 'in_force' } },
  { kind: 'policy', at: HBO, days: 200, views: 410, region: '420000', title: '湖北省知识产权维权援助资金管理办法（试行）', ipTypes: ['patent', 'trademark', 'copyright'], tags: ['经费援助'],
    summary: '规定维权援助资金的支持对象、支持方式、申报材料和监督管理。',
    body: ['资金主要支持中小微企业在重大知识产权纠纷中的维权支出。', '申请单位应提交申请表、纠纷基本情况说明及费用凭证。', '资金使用情况纳入年度考核。'],
    meta: { issuingBody: '湖北省知识产权局', documentNumber: '鄂知发〔2021〕5号', issuedOn: '2021-03-15', validity: 'amended' } },
  { kind: 'policy', at: WH, days: 90, views: 260, region: '420100', title: '武汉市展会知识产权保护工作规程', ipTypes: ['patent', 'trademark', 'copyright'], tags: ['展会', '驻场服务'],
    summary: '明确展会期间投诉受理、快速处置和驻场服务的工作流程。',
    body: ['展会主办方应在展会现场设立知识产权投诉点。', '维权援助中心派员驻场，提供咨询和侵权判定参考意见。', '投诉一般在当日内完成初步处理。'],
    meta: { issuingBody: '武汉市知识产权局', documentNumber: '武知规〔2024〕2号', issuedOn: '2024-05-10', validity: 'in_force' } },
  { kind: 'policy', at: HBO, days: 30, views: 95, region: '420000', title: '关于知识产权纠纷人民调解与司法确认衔接的若干意见', ipTypes: ['patent', 'trademark'], tags: ['调解', '司法确认'],
    summary: '推动调解协议经司法确认后具有强制执行效力，减少当事人诉累。',
    body: ['人民调解委员会达成的调解协议，双方可共同申请司法确认。', '维权援助机构应告知当事人司法确认的程序和期限。'],
    meta: { issuingBody: '湖北省知识产权局', documentNumber: '鄂知发〔2026〕7号', issuedOn: '2026-09-01', validity: 'in_force' } },
  // 知识库
  { kind: 'knowledge', at: HB, days: 250, views: 1320, ipTypes: ['patent'], tags: ['取证'], title: '专利侵权取证的五个常用方法',
    summary: '公证购买、网页取证、展会取证、证据保全和调查令，各有适用场景。',
    body: ['<h3>公证购买</h3>', '在公证人员见证下购买被控侵权产品，保留发票和封存的实物。', '<h3>网页取证</h3>', '对电商页面进行可信时间戳或公证取证，注意截取店铺信息和销量。', '<h3>展会取证</h3>', '记录展位号、宣传资料和现场演示，必要时请驻场人员协助。'],
    meta: { topic: '取证方法' } },
  { kind: 'knowledge', at: HB, days: 220, views: 980, ipTypes: ['trademark'], tags: ['商标', '异议'], title: '商标被抢注后怎么办：异议与无效宣告',
    summary: '初审公告期内可提出异议；注册后可在法定期限内请求宣告无效。',
    body: ['初步审定公告之日起三个月内，在先权利人、利害关系人可以提出异议。', '已经注册的，可以依法请求宣告注册商标无效。', '注意收集在先使用的证据，如销售合同、广告和发票。'],
    meta: { topic: '授权确权程序' } },
  { kind: 'knowledge', at: WH, days: 160, views: 640, ipTypes: ['copyright'], tags: ['版权', '网络侵权'], title: '图片和短视频被盗用的维权路径',
    summary: '先固定证据，再向平台投诉或发函，必要时申请调解或起诉。',
    body: ['保存原始文件和创作过程记录，作为权属证明。', '通过平台的侵权投诉通道提交通知，平台应及时采取必要措施。', '协商不成的，可向维权援助中心申请调解。'],
    meta: { topic: '纠纷处理方式' } },
  { kind: 'knowledge', at: YC, days: 140, views: 350, region: '420500', ipTypes: ['geographical_indication'], tags: ['地理标志', '农产品'], title: '地理标志产品的保护要点',
    summary: '使用地理标志须符合产地范围和质量要求，冒用可依法查处。',
    body: ['地理标志专用标志的使用应经核准。', '产地范围以外的经营者不得使用该地理标志。', '发现冒用的，可向市场监管部门投诉举报。'],
    meta: { topic: '法律法规' } },
  { kind: 'knowledge', at: OS, days: 120, views: 510, ipTypes: ['patent', 'trademark'], tags: ['海外', '展会'], title: '参加海外展会前的知识产权自查清单',
    summary: '出展前检索目标国的专利和商标状态，准备权属文件，了解临时禁令风险。',
    body: ['确认展品在目标国是否有自己的专利或商标布局。', '检索可能相关的他人权利，评估侵权风险。', '随身携带权属证明文件的翻译件。', '遇到临时禁令或扣押，及时联系海外纠纷应对指导中心。'],
    meta: { topic: '海外维权' } },
  { kind: 'knowledge', at: HB, days: 60, views: 280, ipTypes: ['trade_secret'], tags: ['商业秘密'], title: '企业商业秘密保护的基本措施',
    summary: '划定秘密范围、签订保密协议、分级管理和离职管理是四项基础措施。',
    body: ['明确哪些技术信息和经营信息属于商业秘密。', '与接触秘密的员工和合作方签订保密协议。', '对载体分级标识、限制访问，并保留管理记录。'],
    meta: { topic: '法律法规' } },
  // 维权案例
  { kind: 'case_study', at: WH, days: 210, views: 870, region: '420100', ipTypes: ['patent'], tags: ['调解', '实用新型'], title: '机械制造企业实用新型专利纠纷调解案',
    summary: '甲公司发现乙经营部销售的夹具与其专利相似，援助中心出具参考意见后促成调解。',
    body: ['<h3>基本案情</h3>', '甲公司是一家中型机械制造企业，拥有一项夹具实用新型专利。', '<h3>援助过程</h3>', '援助中心组织技术人员比对权利要求，出具侵权判定参考意见。', '<h3>处理结果</h3>', '双方达成调解协议，乙经营部停止销售并赔偿损失。'],
    meta: { origin: 'domestic', field: '制造业', outcome: '调解结案，对方停止销售并赔偿' } },
  { kind: 'case_study', at: WH, days: 180, views: 530, region: '420100', ipTypes: ['copyright'], tags: ['网络侵权'], title: '摄影作品被公众号转载维权案',
    summary: '李某的摄影作品被未经许可使用，经援助中心指导发函投诉后对方删除。',
    body: ['<h3>基本案情</h3>', '李某发现其摄影作品被某公众号用作配图且未署名。', '<h3>援助过程</h3>', '援助中心指导其固定证据并向平台投诉。', '<h3>处理结果</h3>', '对方删除侵权内容并致歉，申请人对服务表示满意。'],
    meta: { origin: 'domestic', field: '文化传媒', outcome: '侵权内容删除' } },
  { kind: 'case_study', at: OS, days: 170, views: 690, ipTypes: ['patent'], tags: ['海外', '展会'], title: '企业在德国展会遭遇专利临时禁令的应对',
    summary: '丙公司在展会现场收到临时禁令，分中心联系海外律师迅速提出异议。',
    body: ['<h3>基本案情</h3>', '丙公司参展产品被指控侵犯欧洲专利，展会第二天收到临时禁令。', '<h3>援助过程</h3>', '分中心当天联系合作海外律师，分析对方专利的稳定性。', '<h3>处理结果</h3>', '经异议，禁令范围被缩小，企业得以继续展出其他产品。'],
    meta: { origin: 'foreign', field: '装备制造', outcome: '禁令范围缩小', country: '德国' } },
  { kind: 'case_study', at: YC, days: 130, views: 300, region: '420500', ipTypes: ['geographical_indication'], tags: ['地理标志'], title: '柑橘地理标志被冒用维权案',
    summary: '产地外经营者冒用地理标志销售柑橘，援助中心协助协会投诉查处。',
    body: ['<h3>基本案情</h3>', '某协会发现电商店铺以地理标志名义销售产地外柑橘。', '<h3>援助过程</h3>', '援助中心协助公证取证并移交市场监管部门。', '<h3>处理结果</h3>', '店铺下架相关商品，经营者被依法处罚。'],
    meta: { origin: 'domestic', field: '农业', outcome: '移交执法部门查处' } },
  { kind: 'case_study', at: HB, days: 100, views: 410, region: '420000', ipTypes: ['trademark'], tags: ['商标', '电商'], title: '电商平台商标侵权批量投诉案',
    summary: '丁公司的注册商标在多家网店被使用，援助中心协助批量投诉。',
    body: ['<h3>基本案情</h3>', '丁公司发现多个网店销售带有其商标的仿冒产品。', '<h3>援助过程</h3>', '援助中心帮助整理权属证明和侵权比对表，向平台批量投诉。', '<h3>处理结果</h3>', '三十余条侵权链接被删除。'],
    meta: { origin: 'domestic', field: '日用消费品', outcome: '侵权链接删除' } },
  { kind: 'case_study', at: OS, days: 45, views: 220, ipTypes: ['trademark'], tags: ['海外', '商标'], title: '出口企业在东南亚商标被抢注的应对',
    summary: '戊公司出口品牌在当地被抢注，分中心指导其收集在先使用证据提起异议。',
    body: ['<h3>基本案情</h3>', '戊公司在东南亚市场销售多年，品牌被当地经销商抢先注册。', '<h3>援助过程</h3>', '分中心提供目标国商标法律指引，推荐当地律师。', '<h3>处理结果</h3>', '异议成立，抢注商标未获注册。'],
    meta: { origin: 'foreign', field: '家电', outcome: '异议成立', country: '越南' } },
  // 工作动态
  { kind: 'news', at: NATIONAL, days: 330, views: 1500, tags: ['年度报告'], title: '2021 年全国维权援助网访问量超过 220 万次',
    summary: '线上平台总访问量同比增长三倍多，首页和在线申请页访问量均大幅增长。',
    body: ['据统计，2021 年中国知识产权维权援助网总访问量达到 220 万余次，同比增长 371.8%。', '其中首页访问 19 万余次，在线维权援助申请页访问 2.6 万余次。'] },
  { kind: 'news', at: NATIONAL, days: 320, views: 1210, tags: ['年度报告'], title: '2021 年全国维权援助机构办理援助申请约 4.7 万件',
    summary: '办理量同比增长 43.1%，中小微企业申请约 3.4 万件。',
    body: ['2021 年，全国维权援助机构为各类主体提供公益援助约 4.7 万件。', '其中国内申请约 4.6 万件，中小微企业申请约 3.4 万件。', '咨询指导服务约 4.1 万次，类别以专利和商标为主。'] },
  { kind: 'news', at: HB, days: 150, views: 380, region: '420000', tags: ['培训'], title: '省维权援助中心举办企业知识产权保护培训班',
    summary: '来自全省园区的百余家企业参加，课程涵盖取证、调解和海外维权。',
    body: ['培训采用线上线下结合方式。', '授课专家结合典型案例讲解证据固定和调解程序。'] },
  { kind: 'news', at: WH, days: 75, views: 260, region: '420100', tags: ['驻场服务', '展会'], title: '武汉中心为光电博览会提供驻场维权援助服务',
    summary: '展会期间设立服务台，受理咨询和投诉，现场出具参考意见。',
    body: ['服务台设在展馆入口处，工作人员和专家轮流值守。', '展会期间共接待咨询数十次，处理投诉多起。'] },
  { kind: 'news', at: YC, days: 40, views: 140, region: '420500', tags: ['工作站'], title: '宜昌夷陵区工作站挂牌运行',
    summary: '工作站面向当地特色农产品企业，重点服务地理标志和植物新品种保护。',
    body: ['工作站设在产业园区内，提供就近咨询和受理服务。', '首批与十余家企业建立联络机制。'] },
  { kind: 'news', at: HB, days: 12, views: 60, region: '420000', tags: ['志愿服务'], title: '高校知识产权志愿服务队走进园区',
    summary: '志愿者为园区企业开展知识产权体检，发放维权指引。',
    body: ['志愿服务队由高校师生组成，在专家指导下开展服务。', '活动覆盖园区内二十余家科技型中小企业。'] },
  // 服务指南
  { kind: 'guide', at: HB, days: 360, views: 2100, tags: ['申请指南'], title: '知识产权维权援助申请指南',
    summary: '谁可以申请、可以申请哪些援助、需要准备哪些材料、办理需要多长时间。',
    body: ['<h3>谁可以申请</h3>', '自然人、法人和非法人组织均可申请，中小微企业优先。', '<h3>可以申请什么</h3>', '专利、商标、地理标志、集成电路布图设计等知识产权纠纷的咨询指导、侵权判定参考意见、纠纷调解、分析预警和海外纠纷应对指导。', '<h3>需要准备的材料</h3>', '申请表；身份证明或营业执照；权利证书或登记证明；侵权或纠纷的初步证据。', '<h3>办理时限</h3>', '材料齐全的，援助机构在规定的工作日内决定是否受理，并告知办理进度。'],
    meta: { audience: '自然人、法人和非法人组织', timeLimit: '按工作日计算，受理后告知进度' } },
  { kind: 'guide', at: OS, days: 260, views: 480, tags: ['海外'], title: '海外知识产权纠纷应对指导服务指南',
    summary: '面向有海外业务的企业，提供纠纷应对指导、风险提醒和律师资源对接。',
    body: ['<h3>服务对象</h3>', '在境外遭遇知识产权纠纷或存在风险的企业。', '<h3>服务内容</h3>', '应诉策略指导、目标国法律信息、海外律师推荐。', '<h3>申请材料</h3>', '纠纷情况说明和相关文书。'],
    meta: { audience: '有海外业务的企业', timeLimit: '紧急事项当日响应' } },
  { kind: 'guide', at: WH, days: 80, views: 300, region: '420100', tags: ['调解'], title: '知识产权纠纷调解服务指南',
    summary: '调解自愿、免费，达成协议后可申请司法确认。',
    body: ['<h3>适用情形</h3>', '双方愿意协商解决的专利、商标、版权等纠纷。', '<h3>流程</h3>', '申请、受理、选定调解员、调解、签订协议、司法确认（可选）。'],
    meta: { audience: '纠纷双方当事人', timeLimit: '一般在受理后 30 日内结束' } },
  // 优秀问答
  { kind: 'qa', at: HB, days: 190, views: 760, ipTypes: ['patent'], tags: ['专利'], title: '外观设计专利能否保护产品的颜色？',
    summary: '颜色可以作为外观设计的要素之一，但需与形状或图案结合。',
    body: ['颜色不能单独构成外观设计，须与产品的形状、图案或二者的结合一起请求保护。', '请求保护色彩的，应在申请时提交彩色图片或照片。'],
    meta: { question: '我们设计了一款配色独特的水杯，只有颜色与市面产品不同，可以申请外观设计专利吗？' } },
  { kind: 'qa', at: WH, days: 110, views: 420, ipTypes: ['trademark'], tags: ['商标'], title: '商标注册后三年不使用会怎样？',
    summary: '连续三年无正当理由不使用的，任何单位或个人可以申请撤销。',
    body: ['注册商标没有正当理由连续三年不使用的，任何单位或者个人可以申请撤销该注册商标。', '建议保留使用证据，如销售合同、广告和发票。'],
    meta: { question: '公司注册了一个商标但一直没有使用，会不会被撤销？' } },
  { kind: 'qa', at: YC, days: 50, views: 150, region: '420500', ipTypes: ['plant_variety'], tags: ['植物新品种'], title: '自己繁育的种苗能否出售给邻村？',
    summary: '农民自繁自用授权品种的繁殖材料不需许可，但出售给他人需要经品种权人许可。',
    body: ['农民自繁自用授权品种的繁殖材料，不需要经品种权人许可。', '将繁殖材料出售给他人用于生产，可能构成侵权。'],
    meta: { question: '我种了一个授权的柑橘新品种，自己繁育的苗子可以卖给邻村吗？' } },
  { kind: 'qa', at: HB, days: 20, views: 90, ipTypes: ['copyright'], tags: ['版权'], title: '作品没有登记还能维权吗？',
    summary: '著作权自作品创作完成之日起产生，登记不是维权的前提。',
    body: ['作品登记不是取得著作权的条件，但登记证书可作为初步证明。', '没有登记的，可用底稿、原始文件和发表记录证明权属。'],
    meta: { question: '我的插画没有做版权登记，被别人盗用了还能维权吗？' } },
  // 未发布：草稿与待审核
  { kind: 'news', at: WH, days: 0, views: 0, state: 'draft', region: '420100', tags: ['培训'], title: '（草稿）武汉中心走进高校开展专题讲座',
    summary: '讲座围绕科研成果的专利布局展开。', body: ['讲座内容待补充。'] },
  { kind: 'knowledge', at: WH, days: 0, views: 0, state: 'in_review', ipTypes: ['ic_layout'], tags: ['布图设计'], title: '集成电路布图设计专有权的保护期限',
    summary: '保护期为十年，自登记申请之日或首次投入商业利用之日起计算，以较前日期为准。',
    body: ['布图设计专有权的保护期为十年。', '无论是否登记或投入商业利用，创作完成十五年后不再受保护。'], meta: { topic: '法律法规' } },
];
