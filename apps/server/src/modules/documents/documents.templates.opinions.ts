/** The service outcomes: the guidance letter (指导意见书) and the infringement assessment opinion. */
import { dateText, ipTypeLabel, rightPhrase, type DocumentCaseData } from './documents.data.ts';
import { contact, frame, h1, list, p } from './documents.frame.ts';
import type { Block, OfficialDocument } from './documents.model.ts';

export function guidanceLetter(d: DocumentCaseData): OfficialDocument {
  const g = d.guidance ?? { analysis: [], advice: [] };
  const when = d.receivedOn ? `于${dateText(d.receivedOn)}` : '';
  const body: Block[] = [p(`你方${when}提出的关于${rightPhrase(d)}的咨询（案件编号：${d.caseNumber}）收悉。经研究，现提出如下指导意见：`)];
  if (g.facts) body.push(h1('基本情况'), p(g.facts));
  body.push(h1('分析意见'), ...g.analysis.map(p));
  body.push(h1('处理建议'), list(g.advice));
  body.push(
    h1('有关说明'),
    p('本指导意见依据你方提供的材料和陈述作出，仅供参考，不具有法律效力。情况发生变化的，请及时与本中心联系。'),
    ...contact(d),
  );
  return frame(d, 'guidance_letter', { title: '知识产权维权援助指导意见书', addressee: d.applicant.name, body });
}

const CONCLUSIONS = {
  likely: '被诉对象落入涉案权利保护范围的可能性较大，构成侵权的可能性较大。',
  unlikely: '被诉对象落入涉案权利保护范围的可能性较小，构成侵权的可能性较小。',
  cannot_tell: '依据现有材料，尚难以判断被诉对象是否构成侵权，建议补充相关证据后再行判断。',
} as const;

export function infringementOpinion(d: DocumentCaseData): OfficialDocument {
  const o = d.opinion ?? { conclusion: 'cannot_tell' as const, reasoning: [] };
  const other = d.opposingParty ? `${d.opposingParty}的被诉侵权产品或者标识` : '被诉侵权产品或者标识';
  const when = d.receivedOn ? `于${dateText(d.receivedOn)}` : '';
  const body: Block[] = [
    p(
      `你方${when}提出的侵权判定参考意见申请（案件编号：${d.caseNumber}）收悉。本中心组织专家，` +
        `将${rightPhrase(d)}与${other}进行了比对分析，现提出参考意见如下：`,
    ),
    h1('比对对象'),
    p(`权利依据：${rightPhrase(d)}${o.comparedWhat ? `，比对范围为${o.comparedWhat}` : ''}。比对对象：${other}。`),
  ];
  if (o.compared?.length) {
    body.push(h1(d.ipType === 'patent' ? '技术特征比对' : '比对情况'), {
      type: 'table',
      columns: ['序号', '比对项', d.ipType === 'patent' ? '权利要求记载' : '权利内容', '被诉对象', '比对结果'],
      rows: o.compared.map((c, i) => [String(i + 1), c.item, c.protected, c.accused, c.finding]),
    });
  }
  body.push(h1('分析意见'), ...(o.reasoning.length ? o.reasoning : ['（无）']).map(p));
  body.push(h1('参考结论'), p(`经比对分析，${CONCLUSIONS[o.conclusion]}`));
  const notes = [
    '本意见系根据申请人提供的材料作出的参考意见，不具有法律效力，不作为行政执法或者司法裁判的依据。',
    '本意见仅供申请人维权参考使用，未经本中心同意，不得用于商业宣传。',
  ];
  if (o.experts?.length) notes.push(`参与论证的专家：${o.experts.join('、')}。`);
  body.push(h1('有关说明'), list(notes), ...contact(d));
  const subject = d.ipTitle ? `“${d.ipTitle}”${ipTypeLabel(d.ipType)}` : ipTypeLabel(d.ipType);
  return frame(d, 'infringement_opinion', { title: `关于${subject}侵权判定的参考意见`, addressee: d.applicant.name, body });
}
