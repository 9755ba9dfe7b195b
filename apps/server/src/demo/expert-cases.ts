import type { Deps } from '../platform/deps.ts';
import { opinionText, type ExpertOpinion } from '../modules/cases/expert-view.ts';

/**
 * 吴教授 (expert_wu) in his own view of a case: attached to the demo's concluded patent case, whose issued opinion names
 * him, with the structured opinion he wrote there (read-only now that it is signed off). Facts from the case script.
 */
const opinion: ExpertOpinion = {
  conclusion: 'likely', comparedWhat: '权利要求1',
  compared: [
    { item: '特征A', protected: '夹具本体设有燕尾形导槽', accused: '夹具本体设有燕尾形导槽', finding: '相同' },
    { item: '特征B', protected: '锁紧件为偏心凸轮', accused: '锁紧件为偏心轮', finding: '等同' },
  ],
  reasoning: [
    '被诉夹具的锁紧件为偏心轮，与权利要求1的偏心凸轮以基本相同的手段实现锁紧功能，效果基本相同，属于等同特征。',
    '被诉夹具包含与权利要求1记载的全部技术特征相同或者等同的技术特征，落入涉案专利权的保护范围。',
  ],
};

export async function loadDemoExpertCases(deps: Deps): Promise<void> {
  const c = await deps.db.selectFrom('cases').select(['id', 'accepted_at', 'concluded_at'])
    .where('summary', '=', '对方销售的夹具疑似落入我司实用新型专利保护范围').executeTakeFirst();
  const [wu, handler] = await Promise.all(['expert_wu', 'wh_handler'].map((u) => deps.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirst()));
  if (!c?.accepted_at || !c.concluded_at || !wu || !handler) return;
  const day = 86_400_000;
  const invited = new Date(new Date(c.accepted_at).getTime() + day);
  const written = new Date(Math.min(invited.getTime() + 3 * day, new Date(c.concluded_at).getTime() - 3 * day));
  await deps.db.insertInto('case_experts').values({
    case_id: c.id, user_id: wu.id, invited_by: handler.id, invited_at: invited, opinion: opinionText(opinion), opinion_data: JSON.stringify(opinion), opinion_at: written,
  }).onConflict((oc) => oc.doNothing()).execute();
}
