import { Button, Card, Col, Flex, List, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { usePortalArticles } from './api.ts';
import { contentMessages } from './messages.ts';

/** 服务指南: who can apply, for what, which materials, how long; then the institutions' published guides. */
export function GuidePage() {
  const t = useT(contentMessages);
  const guides = usePortalArticles({ kind: 'guide', pageSize: 20 });
  const block = (title: Parameters<typeof t>[0], text: Parameters<typeof t>[0], id: string) => (
    <Col xs={24} md={12}>
      <Card size="small" title={t(title)} style={{ height: '100%' }} data-testid={id}><Typography.Paragraph style={{ margin: 0 }}>{t(text)}</Typography.Paragraph></Card>
    </Col>
  );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>{t('guide')}</Typography.Title>
        <Typography.Text type="secondary">{t('intro_guide')}</Typography.Text>
      </div>
      <Row gutter={[12, 12]}>
        {block('guideWho', 'guideWhoText', 'guide-who')}
        {block('guideWhat', 'guideWhatText', 'guide-what')}
        {block('guideMaterials', 'guideMaterialsList', 'guide-materials')}
        {block('guideHow', 'guideHowText', 'guide-how')}
      </Row>
      <Flex gap={8} wrap>
        <Link to="/apply"><Button type="primary">{t('applyNow')}</Button></Link>
        <Link to="/directory"><Button>{t('findNearby')}</Button></Link>
      </Flex>
      <Card size="small" title={t('guideArticles')}>
        <List loading={guides.isFetching} dataSource={guides.data?.data ?? []} renderItem={(a) => (
          <List.Item><Link to={`/articles/${a.id}`}>{a.title}</Link><Typography.Text type="secondary">{a.institutionName}</Typography.Text></List.Item>
        )} />
      </Card>
    </Flex>
  );
}
