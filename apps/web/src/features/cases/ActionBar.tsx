import type { CaseEvent } from '@yuanzhi/domain';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { ActionModal } from './ActionModal.tsx';
import { dangerEvents, orderEvents } from './eventForms.ts';
import { eventLabels } from './labels.ts';
import { caseMessages } from './messages.ts';
import type { Case } from './types.ts';

/** One button per event in `abilities.events` (domain labels); each opens its payload modal. Wraps at phone width. */
export function ActionBar({ c, events }: { c: Case; events: CaseEvent[] }) {
  const t = useT(caseMessages);
  const { label } = useEnum();
  const [open, setOpen] = useState<CaseEvent | null>(null);
  const list = orderEvents(events);
  return (
    <Flex wrap gap={8} align="center" style={{ marginTop: 12 }} data-testid="action-bar">
      {list.length === 0 && <Typography.Text type="secondary">{t('noActions')}</Typography.Text>}
      {list.map((e, i) => (
        <Button key={e} type={i === 0 ? 'primary' : 'default'} danger={dangerEvents.includes(e)} onClick={() => setOpen(e)} data-testid={`action-${e}`}>
          {label(eventLabels, e)}
        </Button>
      ))}
      {open && <ActionModal key={open} c={c} event={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
