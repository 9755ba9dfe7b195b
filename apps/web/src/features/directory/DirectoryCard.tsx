import { ClockCircleOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { institutionTypes, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import type { DirectoryEntry } from './api.ts';
import { directoryMessages } from './messages.ts';

/** One institution in the directory: name, type, address, phone, hours. */
export function DirectoryCard({ entry }: { entry: DirectoryEntry }) {
  const t = useT(directoryMessages);
  const { label } = useEnum();
  const line = (icon: ReactNode, text: ReactNode) => (
    <Flex gap={6} align="start">
      <span style={{ color: '#1f4e9e' }}>{icon}</span>
      <Typography.Text style={{ flex: 1 }}>{text}</Typography.Text>
    </Flex>
  );
  return (
    <Card size="small" hoverable data-testid="directory-card" title={<Link to={`/directory/${entry.id}`}>{entry.name}</Link>}
      extra={<Tag color="blue" style={{ marginInlineEnd: 0 }}>{label(institutionTypes, entry.type)}</Tag>}>
      <Flex vertical gap={4}>
        {entry.regionName && <Typography.Text type="secondary">{entry.regionName}</Typography.Text>}
        {entry.address && line(<EnvironmentOutlined />, entry.address)}
        {entry.phone && line(<PhoneOutlined />, <a href={`tel:${entry.phone.replace(/[^\d+-]/g, '')}`}>{entry.phone}</a>)}
        {entry.hours && line(<ClockCircleOutlined />, entry.hours)}
        {!!entry.services?.length && (
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            {entry.services.map((s) => <Tag key={s}>{label(services, s)}</Tag>)}
          </Flex>
        )}
        <Link to={`/directory/${entry.id}`} style={{ marginTop: 4 }}>{t('more')} ›</Link>
      </Flex>
    </Card>
  );
}
