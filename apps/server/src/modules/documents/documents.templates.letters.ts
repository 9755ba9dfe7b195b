/** Letters (函) to other bodies: transfer within the network, referral to an outside body. */
import { dateText, rightPhrase, type DocumentCaseData } from './documents.data.ts';
import { clause, contact, frame, list, p } from './documents.frame.ts';
import type { OfficialDocument } from './documents.model.ts';

function caseFacts(d: DocumentCaseData): string {
  const when = d.receivedOn ? `于${dateText(d.receivedOn)}` : '';
  const against = d.opposingParty ? `，反映${d.opposingParty}涉嫌侵犯其${rightPhrase(d)}` : `，涉及${rightPhrase(d)}`;
  return `${d.applicant.name}${when}向本中心申请维权援助（案件编号：${d.caseNumber}）${against}。`;
}

export function transferLetter(d: DocumentCaseData): OfficialDocument {
  const target = d.target?.name ?? '有关维权援助机构';
  return frame(d, 'transfer_letter', {
    title: `关于移交${d.applicant.name}维权援助案件的函`,
    addressee: target,
    body: [
      p(
        `${caseFacts(d)}经审查，${clause(d.reasons, '该案件由贵单位办理更为便利')}。` +
          '根据知识产权维权援助工作有关规定，现将该案件移交贵单位办理。',
      ),
      p(
        '案件材料和办理记录已通过知识产权维权援助服务平台一并移交。请贵单位在平台上确认接收，' +
          '并依照规定时限办理，办理结果请告知申请人。如不宜接收，请在平台上说明理由后退回。',
      ),
      p('特此函告。'),
      ...contact(d),
    ],
  });
}

export function referralLetter(d: DocumentCaseData): OfficialDocument {
  const body = d.outsideBody ?? { name: '有关部门' };
  const reply = body.expectedReplyOn ? `，并于${dateText(body.expectedReplyOn)}前将处理情况反馈本中心` : '，并将处理情况反馈本中心';
  const requests = body.requests ?? [];
  return frame(d, 'referral_letter', {
    title: `关于转办${d.applicant.name}知识产权纠纷的函`,
    addressee: body.name,
    body: [
      p(caseFacts(d)),
      p(
        `经初步审查，${clause(d.reasons, '该事项属于贵单位职责范围')}。现将有关情况和材料转去，请依法处理${reply}。`,
      ),
      ...(requests.length ? [p('有关请求如下：'), list(requests)] : []),
      p('特此函告。'),
      ...contact(d),
    ],
  });
}
