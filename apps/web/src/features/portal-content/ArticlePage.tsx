import { moduleOfKind, type ArticleKind } from '@yuanzhi/contracts';
import { Card, Flex, Result, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { kindLabels } from '../articles/labels.ts';
import { articleMessages } from '../articles/messages.ts';
import { countVisit, usePortalArticle } from './api.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { pathOfKind } from './kinds.ts';
import { contentMessages } from './messages.ts';

/** One published article; its body was sanitised by the server when saved, so it is shown as HTML. */
export function ArticlePage() {
  const { id } = useParams();
  const t = useT(contentMessages);
  const ta = useT(articleMessages);
  const { label } = useEnum();
  const q = usePortalArticle(id);
  const kind = q.data?.kind;
  // An article is a visit to its module (政策法规, 维权案例 …); the layout counts list pages.
  useEffect(() => {
    if (kind) countVisit(moduleOfKind[kind as ArticleKind]);
  }, [id, kind]);
  if (q.isError) return <Result status="404" title={t('notFound')} extra={<Link to="/">{t('backTo', { m: '' })}</Link>} />;
  const a = q.data;
  const m = (a?.meta ?? {}) as Record<string, string | undefined>;
  return (
    <Card loading={q.isLoading} data-testid="article-page">
      {a && (
        <Flex vertical gap={12}>
          <Link to={pathOfKind(a.kind)}>{t('backTo', { m: label(kindLabels, a.kind) })}</Link>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="article-title">{a.title}</Typography.Title>
          <ArticleMeta a={a} full />
          {a.kind === 'qa' && m.question && (
            <Card size="small" style={{ background: '#f5f7fb' }}><Typography.Text strong>{t('question')}：</Typography.Text>{m.question}</Card>
          )}
          {a.kind === 'case_study' && m.outcome && <Typography.Text><b>{ta('meta_outcome')}：</b>{m.outcome}</Typography.Text>}
          {a.summary && <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>{a.summary}</Typography.Paragraph>}
          <div className="article-body" style={{ fontSize: 16, lineHeight: 1.8 }} dangerouslySetInnerHTML={{ __html: a.bodyHtml ?? '' }} data-testid="article-body" />
          {(a.attachments ?? []).length > 0 && (
            <Card size="small" title={ta('files')}>
              {a.attachments!.map((f) => <div key={f.id}><a href={`/api/portal/articles/${a.id}/attachments/${f.id}`} data-testid="article-file">{f.name}</a></div>)}
            </Card>
          )}
          {a.tags.length > 0 && <Space wrap>{a.tags.map((x) => <Tag key={x}>{x}</Tag>)}</Space>}
        </Flex>
      )}
    </Card>
  );
}
