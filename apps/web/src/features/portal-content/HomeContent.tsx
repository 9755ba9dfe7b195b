import { Card, Col, List, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { kindLabels } from '../articles/labels.ts';
import { usePortalHome, type PortalArticle } from './api.ts';
import { contentModules } from './kinds.ts';
import { contentMessages } from './messages.ts';

/** The home page's reading: newest and most read articles, and a way into each module. */
export function HomeContent() {
  const t = useT(contentMessages);
  const { label } = useEnum();
  const q = usePortalHome();
  const list = (items: PortalArticle[] | undefined, testId: string, right: (a: PortalArticle) => string) => (
    <List size="small" loading={q.isLoading} dataSource={items ?? []} data-testid={testId} renderItem={(a) => (
      <List.Item extra={<Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{right(a)}</Typography.Text>}>
        <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
          <Typography.Text type="secondary">[{label(kindLabels, a.kind)}] </Typography.Text><Link to={`/articles/${a.id}`}>{a.title}</Link>
        </Typography.Text>
      </List.Item>
    )} />
  );
  return (
    <section>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}><Card size="small" title={t('latest')}>{list(q.data?.newest, 'home-newest', (a) => dayjs(a.publishedAt).format('MM-DD'))}</Card></Col>
        <Col xs={24} lg={12}><Card size="small" title={t('mostRead')}>{list(q.data?.popular, 'home-popular', (a) => t('reads', { n: a.views }))}</Card></Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 12 }}>
        {[...contentModules, { path: '/guide', title: 'guide' as const }].map((m) => (
          <Col key={m.path} xs={12} sm={8} md={4}>
            <Link to={m.path} data-testid={`home-module-${m.path.slice(1)}`}><Card size="small" hoverable style={{ textAlign: 'center' }}>{t(m.title)}</Card></Link>
          </Col>
        ))}
      </Row>
    </section>
  );
}
