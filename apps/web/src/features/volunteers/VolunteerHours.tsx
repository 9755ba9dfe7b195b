import { Button, DatePicker, Form, Input, InputNumber, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useBi } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useRecordWrite } from '../registries/api.ts';
import type { Rec } from '../registries/types.ts';

interface Entry { id: string; servedOn: string; activity: string; hours: number }

/** A volunteer's service log with the total, and a form to log hours (date, activity, hours). */
export function VolunteerHours({ rec }: { rec: Rec }) {
  const bi = useBi();
  const can = useCan();
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const write = useRecordWrite('/api/volunteers', 'hours');
  const hours = (rec.hours ?? []) as Entry[];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{bi('服务记录', 'Service log')}</Typography.Title>
      <Statistic title={bi('累计服务时长（小时）', 'Total hours')} value={rec.total?.hours ?? 0} suffix={bi(`/ ${rec.total?.sessions ?? 0} 次`, `/ ${rec.total?.sessions ?? 0} times`)} data-testid="volunteer-total" />
      {can('volunteer.log') && rec.status === 'active' && (
        <Form form={form} layout="inline" style={{ margin: '8px 0', rowGap: 8 }} initialValues={{ servedOn: dayjs() }} data-testid="hours-form"
          onFinish={async (v) => {
            try {
              await write.mutateAsync({ id: rec.id, body: { servedOn: v.servedOn.format('YYYY-MM-DD'), activity: v.activity, hours: v.hours } });
              form.resetFields();
            } catch (err) {
              onError(err);
            }
          }}>
          <Form.Item name="servedOn" rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="activity" rules={[{ required: true, message: bi('请填写服务内容', 'Describe the activity') }, { max: 200 }]}>
            <Input placeholder={bi('服务内容', 'Activity')} style={{ width: 220 }} data-testid="hours-activity" />
          </Form.Item>
          <Form.Item name="hours" rules={[{ required: true, message: bi('请填写时长', 'Give the hours') }, { type: 'number', min: 0.1, max: 24, message: bi('时长在 0.1 至 24 小时之间', 'Between 0.1 and 24 hours') }]}>
            <InputNumber placeholder={bi('小时', 'Hours')} step={0.5} precision={1} style={{ width: 100 }} data-testid="hours-hours" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="hours-add">{bi('登记时长', 'Log hours')}</Button>
        </Form>
      )}
      <Table size="small" rowKey="id" dataSource={hours} pagination={hours.length > 10 ? { pageSize: 10 } : false} data-testid="hours-log" columns={[
        { title: bi('日期', 'Date'), dataIndex: 'servedOn', width: 120 },
        { title: bi('服务内容', 'Activity'), dataIndex: 'activity' },
        { title: bi('时长（小时）', 'Hours'), dataIndex: 'hours', width: 110 },
      ]} />
    </>
  );
}
