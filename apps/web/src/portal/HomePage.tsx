import { AlertOutlined, AuditOutlined, CommentOutlined, GlobalOutlined, MoneyCollectOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Input, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { HomeContent } from '../features/portal-content/HomeContent.tsx';
import { services } from '../shared/enums.ts';
import { useT } from '../shared/i18n/index.ts';
import { useEnum } from '../shared/useEnum.ts';
import { portalMessages } from './messages.ts';
import { Tile } from './Tile.tsx';

const serviceCards: { key: keyof typeof services; text: keyof typeof portalMessages; icon: ReactNode }[] = [
  { key: 'consultation', text: 'svcConsultation', icon: <CommentOutlined /> },
  { key: 'infringement_opinion', text: 'svcInfringement', icon: <AuditOutlined /> },
  { key: 'warning_analysis', text: 'svcWarning', icon: <AlertOutlined /> },
  { key: 'mediation', text: 'svcMediation', icon: <TeamOutlined /> },
  { key: 'overseas_guidance', text: 'svcOverseas', icon: <GlobalOutlined /> },
  { key: 'funding_aid', text: 'svcFunding', icon: <MoneyCollectOutlined /> },
];

/** A headline figure. antd's Statistic brings Skeleton along (≈ 5 KB gzipped of the first load) for a fixed number. */
function Figure({ title, value }: { title: string; value: string }) {
  return (
    <Tile>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 24, marginTop: 4 }}>{value}</div>
    </Tile>
  );
}

/** The portal's front page: what assistance is, the services, a way into the directory, sign-in/sign-up. */
export function HomePage() {
  const t = useT(portalMessages);
  const { label } = useEnum();
  const nav = useNavigate();
  return (
    <Flex vertical gap={24}>
      <section style={{ background: 'linear-gradient(135deg,#1f4e9e,#3a7bd5)', color: '#fff', borderRadius: 12, padding: '32px 20px' }}>
        <Typography.Title level={2} style={{ color: '#fff', marginTop: 0 }}>{t('heroTitle')}</Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,.9)', fontSize: 16, maxWidth: 760 }}>{t('heroText')}</Typography.Paragraph>
        <Input.Search
          size="large"
          enterButton={t('findInstitution')}
          placeholder={t('searchPlaceholder')}
          style={{ maxWidth: 560 }}
          onSearch={(q) => nav(q.trim() ? `/directory?q=${encodeURIComponent(q.trim())}` : '/directory')}
          data-testid="home-search"
        />
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Link to="/register"><Button ghost data-testid="home-register">{t('getStarted')}</Button></Link>
          <Link to="/login"><Button type="text" style={{ color: '#fff' }} data-testid="home-login">{t('signIn')}</Button></Link>
        </Flex>
      </section>

      <HomeContent />

      <section>
        <Typography.Title level={3}>{t('whatTitle')}</Typography.Title>
        <Typography.Paragraph style={{ fontSize: 15 }}>{t('whatText')}</Typography.Paragraph>
      </section>

      <section>
        <Typography.Title level={3}>{t('servicesTitle')}</Typography.Title>
        <Row gutter={[12, 12]}>
          {serviceCards.map((s) => (
            <Col key={s.key} xs={24} sm={12} lg={8}>
              <Tile>
                <Flex gap={12} align="start">
                  <span style={{ fontSize: 24, color: '#1f4e9e' }}>{s.icon}</span>
                  <div>
                    <Typography.Text strong>{label(services, s.key)}</Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t(s.text)}</Typography.Paragraph>
                  </div>
                </Flex>
              </Tile>
            </Col>
          ))}
        </Row>
      </section>

      <section>
        <Typography.Title level={3}>{t('networkTitle')}</Typography.Title>
        <Typography.Paragraph>{t('networkText')}</Typography.Paragraph>
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={8}><Figure title={t('statInstitutions')} value="2,000+" /></Col>
          <Col xs={24} sm={8}><Figure title={t('statServices')} value="7.1" /></Col>
          <Col xs={24} sm={8}><Figure title={t('statOpinions')} value="11,179" /></Col>
        </Row>
      </section>

      <section>
        <Typography.Title level={3}>{t('howTitle')}</Typography.Title>
        <Tile>
          {/* A numbered list, not antd Steps: Steps is ≈ 9 KB gzipped of the portal's first load for three lines. */}
          <ol style={{ margin: 0, paddingInlineStart: 24, lineHeight: 2 }}>
            {(['how1', 'how2', 'how3'] as const).map((k) => <li key={k}>{t(k)}</li>)}
          </ol>
          <Link to="/directory"><Button type="primary" style={{ marginTop: 8 }}>{t('findInstitution')}</Button></Link>
        </Tile>
      </section>
    </Flex>
  );
}
