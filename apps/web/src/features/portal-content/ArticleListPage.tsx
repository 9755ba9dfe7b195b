import { Button, Card, Col, Empty, Flex, List, Row, Select, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ipTypes } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { RegionPicker } from '../../shared/RegionPicker.tsx';
import { useEnum } from '../../shared/useEnum.ts';
import { usePortalArticles } from './api.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { contentModules } from './kinds.ts';
import { contentMessages } from './messages.ts';

/** One reading module (policies, knowledge, case studies, news, Q&A): filters by IP type, region and year; kept in the URL. */
export function ArticleListPage({ kind }: { kind: (typeof contentModules)[number]['kind'] }) {
  const t = useT(contentMessages);
  const { options } = useEnum();
  const mod = contentModules.find((m) => m.kind === kind)!;
  const [sp, setSp] = useSearchParams();
  const f = {
    kind, ipType: sp.get('ipType') ?? undefined, regionCode: sp.get('regionCode') ?? undefined,
    year: sp.get('year') ? Number(sp.get('year')) : undefined, sort: (sp.get('sort') === 'popular' ? 'popular' : 'newest') as 'popular' | 'newest', page: Number(sp.get('page') ?? 1), pageSize: 10,
  };
  const q = usePortalArticles(f);
  const set = (k: string, v: string | number | undefined | null) => {
    const n = new URLSearchParams(sp);
    if (v === undefined || v === null || v === '') n.delete(k);
    else n.set(k, String(v));
    if (k !== 'page') n.delete('page');
    setSp(n, { replace: true });
  };
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>{t(mod.title)}</Typography.Title>
        <Typography.Text type="secondary">{t(`intro_${kind}` as never)}</Typography.Text>
      </div>
      <Card size="small">
        <Row gutter={[12, 8]} align="bottom">
          <Col xs={24} md={10}><Typography.Text type="secondary">{t('region')}</Typography.Text><RegionPicker value={f.regionCode} onChange={(v) => set('regionCode', v)} testId="content-region" /></Col>
          <Col xs={12} md={5}><Typography.Text type="secondary">{t('ipType')}</Typography.Text>
            <Select allowClear style={{ width: '100%' }} value={f.ipType} options={options(ipTypes)} onChange={(v) => set('ipType', v)} data-testid="content-iptype" /></Col>
          <Col xs={12} md={3}><Typography.Text type="secondary">{t('year')}</Typography.Text>
            <Select allowClear style={{ width: '100%' }} value={f.year} options={(q.data?.years ?? []).map((y) => ({ value: y, label: String(y) }))} onChange={(v) => set('year', v)} data-testid="content-year" /></Col>
          <Col xs={12} md={4}><Typography.Text type="secondary">{t('sort')}</Typography.Text>
            <Select style={{ width: '100%' }} value={f.sort} options={[{ value: 'newest', label: t('newest') }, { value: 'popular', label: t('popular') }]} onChange={(v) => set('sort', v)} data-testid="content-sort" /></Col>
          <Col xs={12} md={2}><Button onClick={() => setSp(new URLSearchParams(), { replace: true })}>{t('reset')}</Button></Col>
        </Row>
      </Card>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Typography.Text type="secondary" data-testid="content-count">{t('found', { n: q.data?.total ?? 0 })}</Typography.Text>
      <List
        loading={q.isFetching} dataSource={q.data?.data ?? []} locale={{ emptyText: <Empty description={t('none')} /> }} data-testid="content-list"
        pagination={{ current: f.page, pageSize: 10, total: q.data?.total ?? 0, onChange: (p) => set('page', p), hideOnSinglePage: true }}
        renderItem={(a) => (
          <Card size="small" style={{ marginBottom: 8 }}>
            <Link to={`/articles/${a.id}`} data-testid="content-item"><Typography.Title level={5} style={{ margin: 0, color: '#1f4e9e' }}>{a.title}</Typography.Title></Link>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>{a.summary}</Typography.Paragraph>
            <ArticleMeta a={a} />
          </Card>
        )}
      />
    </Flex>
  );
}
