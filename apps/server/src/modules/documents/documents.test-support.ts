/** Sample case data for every kind of document: the tests and the user-guide previews use it. */
import type { DocumentCaseData } from './documents.data.ts';
import type { DocumentKind } from './documents.model.ts';
import { DOC_TYPE_WORDS, formatDocNumber } from './documents.number.ts';

const issuer = {
  name: '湖北省知识产权维权援助中心',
  shortName: '鄂维援',
  sealText: '湖北省知识产权维权援助中心',
  address: '武汉市武昌区中北路101号',
  phone: '027-87654321',
};

export function sampleData(kind: DocumentKind, serial = 12): DocumentCaseData {
  return {
    issuer,
    docNumber: formatDocNumber(issuer.shortName, DOC_TYPE_WORDS[kind], 2026, serial),
    date: new Date('2026-11-21T17:30:00Z'), // 2026年11月22日 in China Standard Time
    caseNumber: 'YZ-420000-2026-000123',
    applicant: { name: '武汉青禾家居用品有限公司' },
    ipType: 'patent',
    ipTitle: '一种可折叠的户外座椅',
    ipNumber: 'ZL202310001234.5',
    service: kind === 'guidance_letter' ? 'consultation' : 'infringement_opinion',
    receivedOn: '2026-11-16',
    opposingParty: '某电子商务平台店铺“优品户外”',
    handler: { name: '李明', phone: '027-87654321' },
    timeLimitDays: 15,
    reasons:
      kind === 'decline_notice'
        ? ['申请人未能提供涉案专利权有效的证明材料', '申请事项已由人民法院立案审理，不宜再提供维权援助']
        : kind === 'referral_letter'
          ? ['被申请人在电子商务平台销售涉嫌侵权产品，需平台采取必要措施']
          : ['被申请人住所地及侵权行为地均在宜昌市，由宜昌市知识产权维权援助分中心就近办理更为便利'],
    supplement: { items: ['专利证书及最近一期年费缴纳凭证', '被诉侵权产品的购买凭证及实物照片', '申请人营业执照复印件'], dueOn: '2026-11-29', workingDays: 5 },
    guidance: {
      facts: '你方反映，你方享有专利权的户外座椅被他人在网络店铺中仿制销售，询问如何维权。',
      analysis: [
        '涉案专利为实用新型专利，专利权处于有效状态。判断是否构成侵权，应以权利要求的内容为准，将被诉产品的技术特征与权利要求记载的全部技术特征进行比对。',
        '申请人目前仅有网页截图，证明力较弱，建议以公证购买等方式固定证据。',
      ],
      advice: ['通过公证购买固定被诉侵权产品及销售证据。', '可以向电子商务平台提交侵权投诉，要求删除、屏蔽相关链接。', '如需进一步判断，可以申请本中心出具侵权判定参考意见。'],
    },
    opinion: {
      conclusion: 'likely',
      comparedWhat: '权利要求1',
      compared: [
        { item: '特征A', protected: '座椅框架由两组交叉铰接的支撑杆构成', accused: '两组支撑杆交叉铰接', finding: '相同' },
        { item: '特征B', protected: '座面采用可拆卸的网布', accused: '座面为可拆卸牛津布', finding: '等同' },
        { item: '特征C', protected: '支撑杆底端设有防滑脚垫', accused: '支撑杆底端设有橡胶脚垫', finding: '相同' },
      ],
      reasoning: [
        '被诉产品包含与权利要求1记载的特征A、特征C相同的技术特征。',
        '特征B中，被诉产品以牛津布代替网布，以基本相同的手段，实现基本相同的功能，达到基本相同的效果，本领域普通技术人员无需创造性劳动即可想到，构成等同特征。',
      ],
      experts: ['王华（机械工程）', '陈静（专利代理）'],
    },
    target: { name: '宜昌市知识产权维权援助分中心' },
    outsideBody: {
      name: '某电子商务平台知识产权保护中心',
      kind: 'ecommerce',
      expectedReplyOn: '2026-12-15',
      requests: ['核实被投诉链接的销售情况，依法采取删除、屏蔽、断开链接等必要措施。', '将处理结果书面反馈本中心。'],
    },
    attachments: kind === 'transfer_letter' || kind === 'referral_letter' ? ['案件材料清单', '申请人身份证明及权利证明材料'] : [],
    copiesTo: kind === 'transfer_letter' ? ['湖北省知识产权局知识产权保护处'] : [],
  };
}
