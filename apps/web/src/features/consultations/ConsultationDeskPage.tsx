import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { ConsultationList } from './ConsultationList.tsx';
import { DeskForm } from './DeskForm.tsx';
import { consultationMessages } from './messages.ts';
import { QaReview } from './QaReview.tsx';

/** 咨询指导: the desk form with suggestions on top, the records, the queue of unanswered online questions, Q&A review. */
export function ConsultationDeskPage() {
  const t = useT(consultationMessages);
  useTitle(t('title'));
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'all';
  return (
    <>
      {can('consultation.record') && (
        <Card title={t('desk')} size="small" style={{ marginBottom: 16 }}>
          <DeskForm />
        </Card>
      )}
      <Card size="small">
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} destroyOnHidden items={[
          { key: 'all', label: t('list'), children: <ConsultationList canExport={can('consultation.export')} /> },
          { key: 'open', label: <span data-testid="tab-open">{t('queue')}</span>, children: <ConsultationList initialStatus="open" canExport={can('consultation.export')} /> },
          ...(can('consultation.read') ? [{ key: 'qa', label: <span data-testid="tab-qa">{t('qaReview')}</span>, children: <QaReview canReview={can('consultation.review')} canWrite={can('article.write')} /> }] : []),
        ]} />
      </Card>
    </>
  );
}
