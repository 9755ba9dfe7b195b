import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ipTypes } from '../../shared/enums.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { fmtTime } from '../cases/format.ts';
import { useExpertCases, type ExpertCaseItem } from './api.ts';
import { expertCaseMessages } from './messages.ts';

/** 我参与的案件: the expert's cases — only those they are attached to. */
export function ExpertCasesPage() {
  const t = useT(expertCaseMessages);
  const bi = useBi();
  const { label } = useEnum();
  useTitle(t('listTitle'));
  const q = useExpertCases();
  return (
    <Card title={t('listTitle')}>
      <Typography.Paragraph type="secondary">{t('listHint')}</Typography.Paragraph>
      <Table<ExpertCaseItem> rowKey="id" dataSource={q.data?.data} loading={q.isFetching} locale={{ emptyText: t('none') }} data-testid="expert-cases"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('caseNumber'), render: (_, c) => <Link to={`/my-cases/${c.id}`} data-testid={`expert-case-${c.caseNumber}`}>{c.caseNumber}</Link> },
          { title: t('state'), render: (_, c) => <Tag>{bi(c.state.zh, c.state.en)}</Tag> },
          { title: t('ipType'), render: (_, c) => label(ipTypes, c.ipType) },
          { title: t('summary'), dataIndex: 'summary', ellipsis: true },
          { title: t('institution'), dataIndex: 'institution' },
          { title: t('attachedAt'), render: (_, c) => fmtTime(c.attachedAt) },
          { title: t('myOpinion'), render: (_, c) => (c.opinionAt ? <Tag color="green">{t('written', { at: fmtTime(c.opinionAt) })}</Tag> : <Tag color="orange">{t('notWritten')}</Tag>) },
        ]} />
    </Card>
  );
}
