/** Notices to the applicant: acceptance, decline, request for supplementary material. */
import { dateText, serviceLabel, type DocumentCaseData } from './documents.data.ts';
import { applicationPhrase, contact, frame, h1, list, p } from './documents.frame.ts';
import type { OfficialDocument } from './documents.model.ts';

export function acceptanceNotice(d: DocumentCaseData): OfficialDocument {
  const handler = d.handler ? `，由${d.handler.name}同志承办` : '';
  const limit = d.timeLimitDays
    ? `本中心将自受理之日起${d.timeLimitDays}个工作日内办结。需要补充材料或者依法中止办理的，相应期间不计入办理时限。`
    : '本中心将在规定时限内办结。需要补充材料或者依法中止办理的，相应期间不计入办理时限。';
  return frame(d, 'acceptance_notice', {
    title: '维权援助申请受理通知书',
    addressee: d.applicant.name,
    body: [
      p(`你方${applicationPhrase(d)}，经审查，符合受理条件，本中心决定予以受理。现将有关事项通知如下：`),
      h1('援助事项'),
      p(`本中心将为你方提供${serviceLabel(d.service)}服务${handler}。`),
      h1('办理时限'),
      p(limit),
      h1('注意事项'),
      list([
        '请如实陈述有关情况，并对所提供材料的真实性负责。',
        '办理期间如有新的情况或者证据，请及时告知承办人。',
        '本中心提供的维权援助服务为公益服务，不收取任何费用。',
        '本中心出具的意见仅供参考，不代替行政机关的决定或者司法机关的裁判。',
      ]),
      p('特此通知。'),
      ...contact(d),
    ],
  });
}

export function declineNotice(d: DocumentCaseData): OfficialDocument {
  const reasons = d.reasons?.length ? d.reasons : ['申请事项不属于本中心维权援助服务范围'];
  return frame(d, 'decline_notice', {
    title: '维权援助申请不予受理通知书',
    addressee: d.applicant.name,
    body: [
      p(`你方${applicationPhrase(d)}，经审查，不符合受理条件，本中心决定不予受理。理由如下：`),
      list(reasons),
      p(
        '你方如对本决定有异议，可以自收到本通知书之日起10个工作日内向本中心书面说明理由并申请复核；' +
          '也可以依法通过行政执法、行政裁决、调解、仲裁、诉讼等途径维护自身合法权益。',
      ),
      p('特此通知。'),
      ...contact(d),
    ],
  });
}

export function supplementRequest(d: DocumentCaseData): OfficialDocument {
  const s = d.supplement ?? { items: [] };
  const within = s.workingDays ? `自收到本通知书之日起${s.workingDays}个工作日内` : '';
  const by = s.dueOn ? `于${dateText(s.dueOn)}前` : '';
  const when = [by, within && `（${within}）`].join('') || '尽快';
  return frame(d, 'supplement_request', {
    title: '维权援助申请补正材料通知书',
    addressee: d.applicant.name,
    body: [
      p(`你方${applicationPhrase(d)}，经审查，申请材料尚不齐全。请${when}补充提交下列材料：`),
      list(s.items.length ? s.items : ['能够证明权利有效的材料']),
      p(
        '补正材料可以通过知识产权维权援助线上服务平台上传，也可以现场或者邮寄提交。补正期间不计入办理时限。' +
          '逾期未补正且未说明正当理由的，视为撤回申请。',
      ),
      p('特此通知。'),
      ...contact(d),
    ],
  });
}
