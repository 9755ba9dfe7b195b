import { Col, Flex, Row, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { kindLabels } from '../articles/labels.ts';
import { usePortalHome, type PortalArticle } from './api.ts';
import { contentModules } from './kinds.ts';
import { contentMessages } from './messages.ts';
import { Tile } from '../../portal/Tile.tsx';

/** The home page's reading: newest and most read articles, and a way into each module. */
export function HomeContent() {
  const t = useT(contentMessages);
  const tc = useT();
  const { label } = useEnum();
  const q = usePortalHome();
  const list = (items: PortalArticle[] | undefined, testId: string, right: (a: PortalArticle) => string) => (
    <Spin spinning={q.isLoading} size="small">
      <Flex vertical data-testid={testId} style={{ minHeight: 40 }}>
        {(items ?? []).map((a, i) => (
          <Flex key={a.id} justify="space-between" gap={8} style={{ padding: '6px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
            <Typography.Text ellipsis style={{ minWidth: 0 }}>
              <Typography.Text type="secondary">[{label(kindLabels, a.kind)}] </Typography.Text><Link to={`/articles/${a.id}`}>{a.title}</Link>
            </Typography.Text>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{right(a)}</Typography.Text>
          </Flex>
        ))}
        {!q.isLoading && !items?.length && <Typography.Text type="secondary">{tc('none')}</Typography.Text>}
      </Flex>
    </Spin>
  );
  return (
    <section>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}><Tile title={t('latest')}>{list(q.data?.newest, 'home-newest', (a) => dayjs(a.publishedAt).format('MM-DD'))}</Tile></Col>
        <Col xs={24} lg={12}><Tile title={t('mostRead')}>{list(q.data?.popular, 'home-popular', (a) => t('reads', { n: a.views }))}</Tile></Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 12 }}>
        {[...contentModules, { path: '/guide', title: 'guide' as const }].map((m) => (
          <Col key={m.path} xs={12} sm={8} md={4}>
            <Link to={m.path} data-testid={`home-module-${m.path.slice(1)}`}><Tile hoverable style={{ textAlign: 'center' }}>{t(m.title)}</Tile></Link>
          </Col>
        ))}
      </Row>
    </section>
  );
}
