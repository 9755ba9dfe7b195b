import { useQuery } from '@tanstack/react-query';
import { get } from '../../shared/api.ts';

export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  recipientMasked: string;
  subject: string;
  body: string;
  status: string;
  createdAt: string;
}

/** The latest outgoing messages (embedded mode; 404 when real mail/SMS is configured). */
export function useOutbox(opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: () => get<{ data: OutboxMessage[] }>('/api/outbox').then((r) => r.data),
    retry: false,
    ...opts,
  });
}
