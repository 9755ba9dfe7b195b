import { App, Button, Card, Flex, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { institutionTypes } from '../../shared/enums.ts';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useStartRun } from './api.ts';
import { assessmentMessages } from './messages.ts';

/** Run the sheet over the owner's subtree for institutions of the chosen types (locks the sheet). */
export function RunStarter({ sheetId }: { sheetId: string }) {
  const t = useT(assessmentMessages);
  const { options } = useEnum();
  const { message } = App.useApp();
  const errText = useErrorText();
  const start = useStartRun();
  const navigate = useNavigate();
  const [types, setTypes] = useState<string[]>(['sub_center', 'workstation']);
  const choices = options(institutionTypes).filter((o) => o.value !== 'authority');
  return (
    <Card size="small" title={t('run')} data-testid="run-starter">
      <Flex gap={8} align="center" wrap>
        <span>{t('runTypes')}</span>
        <Select mode="multiple" style={{ minWidth: 360 }} value={types} onChange={setTypes} options={choices} data-testid="run-types" />
        <Button type="primary" loading={start.isPending} disabled={types.length === 0} data-testid="run-start" onClick={async () => {
          try {
            const run = await start.mutateAsync({ sheetId, institutionTypes: types });
            navigate(`/stats/assessments/runs/${run.id}`);
          } catch (e) { message.error(errText(e)); }
        }}>{t('runStart')}</Button>
      </Flex>
    </Card>
  );
}
