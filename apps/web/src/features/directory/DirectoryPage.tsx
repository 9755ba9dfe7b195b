import { Card, Col, Collapse, Empty, Grid, Pagination, Row, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useDirectory, type DirectoryFilters } from './api.ts';
import { DirectoryCard } from './DirectoryCard.tsx';
import { DirectoryFilterBar } from './DirectoryFilterBar.tsx';
import { directoryMessages } from './messages.ts';

const keys = ['q', 'regionCode', 'type', 'service', 'ipType'] as const;

/** 机构名录: the public directory; the filters live in the URL so a search can be linked. */
export function DirectoryPage() {
  const t = useT(directoryMessages);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const f: DirectoryFilters = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const page = Number(params.get('page') ?? 1) || 1;
  const q = useDirectory({ ...filters, page });
  const narrow = !Grid.useBreakpoint().md;
  const active = Object.keys(filters).length;

  const apply = (f: DirectoryFilters, p = 1) => {
    const next = new URLSearchParams();
    for (const k of keys) if (f[k]) next.set(k, String(f[k]));
    if (p > 1) next.set('page', String(p));
    setParams(next);
  };

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {narrow ? (
        // On a phone the filters fold away under one line.
        <Collapse
          style={{ marginBottom: 16, background: '#fff' }}
          items={[{ key: 'f', label: active ? t('filtersOn', { n: active }) : t('filters'), children: <DirectoryFilterBar value={filters} onChange={(f) => apply(f)} /> }]}
          data-testid="directory-filters-toggle"
        />
      ) : (
        <Card size="small" style={{ marginBottom: 16 }}>
          <DirectoryFilterBar value={filters} onChange={(f) => apply(f)} />
        </Card>
      )}
      {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <Spin />}
      {q.data && (
        <>
          <Typography.Paragraph type="secondary" data-testid="directory-count">{t('found', { n: q.data.total })}</Typography.Paragraph>
          {q.data.data.length === 0 ? (
            <Empty description={t('none')} />
          ) : (
            <Row gutter={[12, 12]} data-testid="directory-results">
              {q.data.data.map((e) => (
                <Col key={e.id} xs={24} md={12} xl={8}>
                  <DirectoryCard entry={e} />
                </Col>
              ))}
            </Row>
          )}
          {q.data.total > q.data.pageSize && (
            <Pagination style={{ marginTop: 16, textAlign: 'center' }} current={page} pageSize={q.data.pageSize} total={q.data.total}
              showSizeChanger={false} onChange={(p) => apply(filters, p)} />
          )}
        </>
      )}
    </div>
  );
}
