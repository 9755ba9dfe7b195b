import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Radio } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { opinionMessages } from './opinion.messages.ts';
import { conclusions } from './opinion.ts';

/** The fields of an infringement assessment opinion, inside the caller's <Form>: the expert's and the handler's. */
export function OpinionFields({ disabled = false }: { disabled?: boolean }) {
  const t = useT(opinionMessages);
  const { options } = useEnum();
  return (
    <>
      <Form.Item name="conclusion" label={t('conclusion')} rules={[{ required: true, message: t('conclusionRequired') }]}>
        <Radio.Group options={options(conclusions)} disabled={disabled} data-testid="opinion-conclusion" />
      </Form.Item>
      <Form.Item name="comparedWhat" label={t('comparedWhat')} rules={[{ max: 200 }]}>
        <Input placeholder={t('comparedWhatHint')} disabled={disabled} data-testid="opinion-compared-what" />
      </Form.Item>
      <Form.List name="compared">
        {(fields, { add, remove }) => (
          <Form.Item label={t('compared')}>
            {fields.map((f, i) => (
              <Flex key={f.key} align="baseline" gap={4} style={{ marginBottom: 4 }}>
                <Form.Item name={[f.name, 'item']} rules={[{ required: true, max: 100, message: t('itemRequired') }]} noStyle>
                  <Input placeholder={t('item')} style={{ flex: '2 1 0', minWidth: 0 }} disabled={disabled} data-testid={`compared-${i}-item`} />
                </Form.Item>
                <Form.Item name={[f.name, 'protected']} rules={[{ required: true, max: 1000, message: t('protectedRequired') }]} noStyle>
                  <Input placeholder={t('protected')} style={{ flex: '4 1 0', minWidth: 0 }} disabled={disabled} data-testid={`compared-${i}-protected`} />
                </Form.Item>
                <Form.Item name={[f.name, 'accused']} rules={[{ required: true, max: 1000, message: t('accusedRequired') }]} noStyle>
                  <Input placeholder={t('accused')} style={{ flex: '4 1 0', minWidth: 0 }} disabled={disabled} data-testid={`compared-${i}-accused`} />
                </Form.Item>
                <Form.Item name={[f.name, 'finding']} rules={[{ required: true, max: 50, message: t('findingRequired') }]} noStyle>
                  <Input placeholder={t('finding')} style={{ flex: '1.5 1 0', minWidth: 0 }} disabled={disabled} data-testid={`compared-${i}-finding`} />
                </Form.Item>
                {!disabled && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('removeRow')} />}
              </Flex>
            ))}
            {!disabled && <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ item: '', protected: '', accused: '', finding: '' })} data-testid="compared-add">{t('addRow')}</Button>}
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="reasoning" label={t('reasoning')} extra={t('reasoningHint')}
        rules={[{ required: true, whitespace: true, message: t('reasoningRequired') }, { max: 20_000 }]}>
        <Input.TextArea rows={5} disabled={disabled} data-testid="opinion-reasoning" />
      </Form.Item>
    </>
  );
}
