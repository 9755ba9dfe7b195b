import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Card, Empty, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { get, post } from '../../shared/api.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { fmtTime } from '../cases/format.ts';

interface Note { id: string; kind: string; title: string; body: string; titleEn: string; bodyEn: string; link: string | null; read: boolean; createdAt: string }

const msgs = { title: ['我的通知', 'My notifications'], none: ['暂无通知', 'No notifications'], unread: ['{n} 条未读', '{n} unread'] } as const;

/** On the portal account page: the applicant's in-app notifications (risk alerts among them); opening one marks it read. */
export function NotificationsCard() {
  const t = useT(msgs);
  const bi = useBi();
  const nav = useNavigate();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['notifications'], queryFn: () => get<{ data: Note[]; unread: number }>('/api/notifications', { pageSize: 10 }) });
  const read = useMutation({ mutationFn: (id: string) => post(`/api/notifications/${id}/read`), onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }) });
  const open = (n: Note) => {
    read.mutate(n.id);
    // Only paths inside the portal are followed; console links belong to staff.
    if (n.link?.startsWith('/') && !n.link.startsWith('/console')) nav(n.link);
  };
  return (
    <Card title={<Badge count={q.data?.unread ?? 0} offset={[12, 0]}>{t('title')}</Badge>} data-testid="my-notifications">
      <List size="small" loading={q.isFetching} dataSource={q.data?.data ?? []} locale={{ emptyText: <Empty description={t('none')} /> }}
        renderItem={(n) => (
          <List.Item onClick={() => open(n)} style={{ cursor: 'pointer' }} data-testid={`notification-${n.kind}`}>
            <List.Item.Meta
              title={<Typography.Text strong={!n.read}>{bi(n.title, n.titleEn)}</Typography.Text>}
              description={<>{bi(n.body, n.bodyEn)}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtTime(n.createdAt)}</Typography.Text></>} />
          </List.Item>
        )} />
    </Card>
  );
}
