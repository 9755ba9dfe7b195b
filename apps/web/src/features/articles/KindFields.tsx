import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { originLabels, validityLabels } from './labels.ts';
import { articleMessages } from './messages.ts';

type Field = { name: string; required?: boolean; kind?: 'text' | 'date' | 'validity' | 'origin' | 'area' };
/** The per-kind fields (the server checks the same list: articles.schemas.ts metaByKind). */
export const kindFields: Record<string, Field[]> = {
  policy: [{ name: 'issuingBody', required: true }, { name: 'documentNumber' }, { name: 'issuedOn', required: true, kind: 'date' }, { name: 'validity', required: true, kind: 'validity' }],
  knowledge: [{ name: 'topic' }],
  case_study: [{ name: 'origin', required: true, kind: 'origin' }, { name: 'field' }, { name: 'country' }, { name: 'outcome', required: true }],
  news: [{ name: 'source' }],
  guide: [{ name: 'audience' }, { name: 'timeLimit' }],
  qa: [{ name: 'question', required: true, kind: 'area' }],
};

/** Dates travel as YYYY-MM-DD; the DatePicker wants dayjs. */
export const metaToForm = (m: Record<string, unknown>) => ({ ...m, issuedOn: m.issuedOn ? dayjs(String(m.issuedOn)) : undefined });
export function metaFromForm(kind: string, m: Record<string, unknown> = {}) {
  const out: Record<string, unknown> = {};
  for (const f of kindFields[kind] ?? []) {
    const v = m[f.name];
    if (v === undefined || v === null || v === '') continue;
    out[f.name] = f.kind === 'date' ? dayjs(v as never).format('YYYY-MM-DD') : typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** The form itself is disabled when the article is not a draft, which disables these fields too. */
export function KindFields({ kind }: { kind: string }) {
  const t = useT(articleMessages);
  const { options } = useEnum();
  return (
    <Row gutter={12}>
      {(kindFields[kind] ?? []).map((f) => {
        const label = t(`meta_${f.name}` as never);
        const rules = f.required ? [{ required: true, message: t('required', { f: label }) }] : [];
        const input = f.kind === 'date' ? <DatePicker style={{ width: '100%' }} />
          : f.kind === 'validity' ? <Select options={options(validityLabels)} />
            : f.kind === 'origin' ? <Select options={options(originLabels)} />
              : f.kind === 'area' ? <Input.TextArea rows={2} maxLength={1000} /> : <Input maxLength={200} />;
        return (
          <Col key={f.name} xs={24} md={f.kind === 'area' ? 24 : 12}>
            <Form.Item name={['meta', f.name]} label={label} rules={rules} data-testid={`meta-${f.name}`}>
              {input}
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
