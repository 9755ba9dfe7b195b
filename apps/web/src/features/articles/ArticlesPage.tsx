import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useArticles, type Article } from './api.ts';
import { FromCaseModal } from './FromCaseModal.tsx';
import { kindLabels, stateColor, stateLabels } from './labels.ts';
import { articleMessages } from './messages.ts';

/** 内容发布: the articles of the caller's subtree, by kind and state; new article; case study from a closed case. */
export function ArticlesPage() {
  const t = useT(articleMessages);
  const { label, options } = useEnum();
  const can = useCan();
  const nav = useNavigate();
  const [f, setF] = useState<{ kind?: string; state?: string; q?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [fromCase, setFromCase] = useState(false);
  const q = useArticles({ ...f, ...page });
  const set = (x: Partial<typeof f>) => { setF({ ...f, ...x }); setPage({ ...page, page: 1 }); };
  return (
    <Card title={t('title')} extra={can('article.write') && (
      <Flex gap={8} wrap>
        <Button onClick={() => setFromCase(true)} data-testid="articles-from-case">{t('fromCase')}</Button>
        <Button type="primary" onClick={() => nav('/articles/new')} data-testid="articles-new">{t('newArticle')}</Button>
      </Flex>
    )}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('kind')} style={{ width: 140 }} options={options(kindLabels)} onChange={(kind) => set({ kind })} data-testid="articles-kind" />
        <Select allowClear placeholder={t('state')} style={{ width: 140 }} options={options(stateLabels)} onChange={(state) => set({ state })} data-testid="articles-state" />
        <Input.Search allowClear placeholder={t('keyword')} style={{ width: 240 }} onSearch={(v) => set({ q: v || undefined })} data-testid="articles-q" />
      </Flex>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Table<Article>
        rowKey="id" size="small" loading={q.isFetching} dataSource={q.data?.data ?? []} scroll={{ x: 900 }} data-testid="articles-table"
        pagination={{ current: page.page, pageSize: page.pageSize, total: q.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: t('titleField'), dataIndex: 'title', render: (v: string, r) => <Link to={`/articles/${r.id}`}>{v}</Link> },
          { title: t('kind'), dataIndex: 'kind', width: 100, render: (v: string) => label(kindLabels, v) },
          { title: t('state'), dataIndex: 'state', width: 90, render: (v: string) => <Tag color={stateColor[v]}>{label(stateLabels, v)}</Tag> },
          { title: t('institution'), dataIndex: ['institution', 'name'], width: 220 },
          { title: t('version'), dataIndex: 'version', width: 60 },
          { title: t('views'), dataIndex: 'views', width: 70 },
          { title: t('updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      <FromCaseModal open={fromCase} onClose={() => setFromCase(false)} onCreated={(id) => nav(`/articles/${id}`)} />
    </Card>
  );
}
