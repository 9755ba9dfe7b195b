import { articleKinds, searchKinds } from '@yuanzhi/contracts';
import { Button, Card, Col, Empty, Flex, List, Row, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ipTypes } from '../../shared/enums.ts';
import { pick, useLang, useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useSearch, type SearchHit, type SearchMode } from './api.ts';
import { Marked } from './Marked.tsx';
import { searchMessages } from './messages.ts';

const PAGE_SIZE = 10;
const thisYear = new Date().getFullYear();
const years = Array.from({ length: 10 }, (_, i) => thisYear - i);

/** Where a hit opens: articles on the portal's reading page; consultations and cases in the console. */
function HitLink({ hit, mode, children }: { hit: SearchHit; mode: SearchMode; children: React.ReactNode }) {
  if (hit.kind === 'case') return <Link to={`/cases/${hit.refId}`} data-testid="search-hit-link">{children}</Link>;
  if (hit.kind === 'consultation') return <Link to={`/consultations/${hit.refId}`} data-testid="search-hit-link">{children}</Link>;
  if (mode === 'portal') return <Link to={`/articles/${hit.refId}`} data-testid="search-hit-link">{children}</Link>;
  return <a href={`/articles/${hit.refId}`} target="_blank" rel="noreferrer" data-testid="search-hit-link">{children}</a>;
}

/** Results with highlighted snippets; filters (kind, IP type, year) and the page live in the URL. */
export function SearchResultsPage({ mode }: { mode: SearchMode }) {
  const t = useT(searchMessages);
  const { lang } = useLang();
  const { options, label } = useEnum();
  const [sp, setSp] = useSearchParams();
  const f = {
    q: sp.get('q') ?? '', kind: sp.get('kind') ?? undefined, ipType: sp.get('ipType') ?? undefined,
    year: sp.get('year') ? Number(sp.get('year')) : undefined, page: Number(sp.get('page') ?? 1) || 1,
  };
  const r = useSearch(mode, f);
  const set = (k: string, v: string | number | undefined | null) => {
    const n = new URLSearchParams(sp);
    if (v === undefined || v === null || v === '') n.delete(k);
    else n.set(k, String(v));
    if (k !== 'page') n.delete('page');
    setSp(n, { replace: true });
  };
  const kinds = mode === 'portal' ? articleKinds : searchKinds;
  const kindLabel = (h: SearchHit) => {
    const k = h.kind === 'article' ? articleKinds.find((x) => x.value === h.articleKind) : searchKinds.find((x) => x.value === h.kind);
    return k ? pick(lang, [k.zh, k.en]) : t(`kind_${h.kind}` as never);
  };
  const total = r.data?.total ?? 0;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>{f.q ? t('resultsFor', { q: f.q.slice(0, 100) }) : t('title')}</Typography.Title>
      <Card size="small">
        <Row gutter={[12, 8]} align="bottom">
          <Col xs={12} md={6}><Typography.Text type="secondary">{t('kind')}</Typography.Text>
            <Select allowClear style={{ width: '100%' }} value={f.kind} options={kinds.map((k) => ({ value: k.value, label: pick(lang, [k.zh, k.en]) }))} onChange={(v) => set('kind', v)} data-testid="search-kind" /></Col>
          <Col xs={12} md={6}><Typography.Text type="secondary">{t('ipType')}</Typography.Text>
            <Select allowClear style={{ width: '100%' }} value={f.ipType} options={options(ipTypes)} onChange={(v) => set('ipType', v)} data-testid="search-iptype" /></Col>
          <Col xs={12} md={4}><Typography.Text type="secondary">{t('year')}</Typography.Text>
            <Select allowClear style={{ width: '100%' }} value={f.year} options={years.map((y) => ({ value: y, label: String(y) }))} onChange={(v) => set('year', v)} data-testid="search-year" /></Col>
          <Col xs={12} md={3}><Button onClick={() => setSp(new URLSearchParams({ q: f.q }), { replace: true })}>{t('reset')}</Button></Col>
        </Row>
      </Card>
      {r.isError && <ErrorAlert error={r.error} onRetry={() => r.refetch()} />}
      {f.q.trim() ? (
        <Typography.Text type="secondary" data-testid="search-count">{r.data?.capped ? t('foundCapped', { n: total }) : t('found', { n: total })}</Typography.Text>
      ) : <Typography.Text type="secondary">{t('typeSomething')}</Typography.Text>}
      <List
        loading={r.isFetching} dataSource={f.q.trim() ? (r.data?.data ?? []) : []} locale={{ emptyText: <Empty description={t('none')} /> }} data-testid="search-results"
        pagination={{ current: f.page, pageSize: PAGE_SIZE, total, onChange: (p) => set('page', p), hideOnSinglePage: true, showSizeChanger: false }}
        renderItem={(h) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="search-hit">
            <HitLink hit={h} mode={mode}><Typography.Title level={5} style={{ margin: 0, color: '#1f4e9e' }}><Marked html={h.title} /></Typography.Title></HitLink>
            <Typography.Paragraph style={{ margin: '4px 0' }} data-testid="search-snippet"><Marked html={h.snippet} /></Typography.Paragraph>
            <Space size={4} wrap>
              <Tag color={h.kind === 'case' ? 'volcano' : h.kind === 'consultation' ? 'geekblue' : 'blue'}>{kindLabel(h)}</Tag>
              {h.ipTypes.map((x) => <Tag key={x}>{label(ipTypes, x)}</Tag>)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{new Date(h.date).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN')}</Typography.Text>
            </Space>
          </Card>
        )}
      />
    </Flex>
  );
}
