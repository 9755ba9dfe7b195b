import { Alert, Card, Table } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import type { Replacement } from './api.ts';
import { articleMessages } from './messages.ts';

/** What the de-identification replaced, shown to the editor before publishing. */
export function ReplacementsCard({ items }: { items: Replacement[] }) {
  const t = useT(articleMessages);
  return (
    <Card size="small" title={t('replacementsTitle')} data-testid="replacements">
      <Alert type="info" showIcon title={t('replacementsIntro')} style={{ marginBottom: 8 }} />
      <Table<Replacement> size="small" pagination={false} rowKey={(r) => `${r.kind}-${r.shown}-${r.replacement}`} dataSource={items}
        columns={[
          { title: t('rKind'), dataIndex: 'kind', render: (v: string) => t(`rk_${v}` as never) },
          { title: t('rShown'), dataIndex: 'shown' },
          { title: t('rReplacement'), dataIndex: 'replacement' },
          { title: t('rCount'), dataIndex: 'count', width: 70 },
        ]} />
    </Card>
  );
}
