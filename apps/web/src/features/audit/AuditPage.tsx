import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { auditResults } from '../../shared/enums.ts';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { auditExportUrl, useAuditList, useVerifyChain, type AuditEntry, type AuditFilters } from './api.ts';
import { AuditFilterBar } from './AuditFilterBar.tsx';
import { auditMessages } from './messages.ts';

const resultColor = { success: 'green', failure: 'orange', denied: 'red' } as const;

/** 审计日志: filterable, exportable, and the hash chain can be verified from here. */
export function AuditPage() {
  const t = useT(auditMessages);
  const { label } = useEnum();
  const can = useCan();
  const errText = useErrorText();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const q = useAuditList({ ...filters, ...page });
  const verify = useVerifyChain();
  const v = verify.data;

  return (
    <Card title={t('title')} extra={
      <Flex gap={8} wrap>
        {can('audit.export') && <Button href={auditExportUrl(filters)} data-testid="audit-export">{t('export')}</Button>}
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
          {t('verify')}
        </Button>
      </Flex>
    }>
      <Flex vertical gap={8}>
        {v && (
          <Alert data-testid="audit-verify-result" showIcon type={v.ok ? 'success' : 'error'}
            title={v.ok ? t('verifyOk', { n: v.checked }) : t('verifyBad', { seq: v.firstBadSeq ?? '?', n: v.checked })} />
        )}
        {verify.isError && <Alert type="error" showIcon title={errText(verify.error)} />}
        <AuditFilterBar onChange={(f) => { setFilters(f); setPage((p) => ({ ...p, page: 1 })); }} />
        {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.data ?? []}
          scroll={{ x: 900 }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (r) => (
              <Typography.Paragraph style={{ margin: 0, fontSize: 12 }}>
                {t('ip')}: {r.ip ?? '—'} · {t('requestId')}: {r.requestId ?? '—'} · {t('hash')}: <code>{r.hash}</code>
                {r.detail != null && <pre style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.detail, null, 2)}</pre>}
              </Typography.Paragraph>
            ),
          }}
          pagination={{
            current: page.page, pageSize: page.pageSize, total: q.data?.total ?? 0, showSizeChanger: true,
            showTotal: (n) => t('total', { n }), onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('seq'), dataIndex: 'seq', width: 80 },
            { title: t('at'), dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
            { title: t('actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? '—' },
            { title: t('action'), dataIndex: 'action' },
            { title: t('objectType'), dataIndex: 'objectType' },
            { title: t('objectId'), dataIndex: 'objectId', ellipsis: true },
            { title: t('result'), dataIndex: 'result', width: 90, render: (v: AuditEntry['result']) => <Tag color={resultColor[v]}>{label(auditResults, v)}</Tag> },
          ]}
        />
      </Flex>
    </Card>
  );
}
