import { Alert, Form, Radio, Space, Spin, Typography } from 'antd';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { RegionPicker } from '../../shared/RegionPicker.tsx';
import { useProposal } from './applyApi.ts';
import { applyMessages } from './applyMessages.ts';

/** Step 3 of `/apply`: the applicant's region, then the proposed institutions with their reasons (or the system's choice). */
export function InstitutionStep({ chosenName }: { chosenName?: string }) {
  const t = useT(applyMessages);
  const b = useBi();
  const regionCode = Form.useWatch('regionCode') as string | undefined;
  const services = Form.useWatch('services') as string[] | undefined;
  const ipType = Form.useWatch('ipType') as string | undefined;
  const overseas = Form.useWatch('overseas') as boolean | undefined;
  const chosen = Form.useWatch('institutionId') as string | undefined;
  const q = useProposal({ regionCode, service: services?.[0], ipType, overseas: !!overseas });
  const list = q.data ?? [];
  const missing = chosen && !list.some((p) => p.id === chosen) && !q.isFetching;
  return (
    <>
      <Form.Item name="regionCode" label={t('region')} rules={[{ required: true, message: t('regionRequired') }]}>
        <RegionPicker testId="apply-region" />
      </Form.Item>
      <Form.Item label={t('proposals')} extra={t('proposalsHint')}>
        {!regionCode ? <Typography.Text type="secondary">{t('needRegionFirst')}</Typography.Text> : q.isPending ? <Spin /> : (
          <Form.Item name="institutionId" noStyle><Radio.Group style={{ width: '100%' }} data-testid="apply-institution">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Radio value="" data-testid="apply-institution-auto">{t('autoChoose')}</Radio>
              {list.map((p, i) => (
                <Radio key={p.id} value={p.id} data-testid={`apply-proposal-${i}`} data-id={p.id}>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <div><Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`apply-proposal-reason-${i}`}>{b(p.reason.zh, p.reason.en)}</Typography.Text></div>
                </Radio>
              ))}
              {missing && chosenName && <Radio value={chosen}>{chosenName}</Radio>}
            </Space>
          </Radio.Group></Form.Item>
        )}
      </Form.Item>
      {regionCode && !q.isPending && list.length === 0 && <Alert type="warning" showIcon title={t('noProposal')} data-testid="apply-no-proposal" />}
    </>
  );
}
