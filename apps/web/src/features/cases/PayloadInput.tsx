import { Input, Radio, Select, Tag } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useHandlerSuggestions } from './api.ts';
import type { PayloadField } from './eventForms.ts';
import { InstitutionSelect } from './InstitutionSelect.tsx';
import { referralBodyLabels, trackLabels } from './labels.ts';
import { caseMessages } from './messages.ts';
import type { Case } from './types.ts';

interface Props {
  field: PayloadField;
  c: Case;
  value?: string;
  onChange?: (v: string) => void;
}

/** The input of one payload field: text, handler picker, institution picker, referral body or track. */
export function PayloadInput({ field, c, value, onChange }: Props) {
  const t = useT(caseMessages);
  const { options } = useEnum();
  const testId = `action-field-${field.name}`;
  const handlers = useHandlerSuggestions(c.id, field.kind === 'handler');
  const suggested = handlers.data?.find((h) => h.suggested && h.id !== c.handler?.id)
    ?? handlers.data?.find((h) => h.id !== c.handler?.id);
  // Pre-select the least-loaded handler; the user may pick another.
  useEffect(() => {
    if (field.kind === 'handler' && !value && suggested) onChange?.(suggested.id);
  }, [field.kind, value, suggested, onChange]);
  switch (field.kind) {
    case 'handler':
      return (
        <Select value={value} onChange={onChange} loading={handlers.isPending} showSearch={{ optionFilterProp: 'title' }} data-testid={testId}
          notFoundContent={t('noHandlers')} title={t('suggestionHint')}
          options={(handlers.data ?? []).filter((u) => u.id !== c.handler?.id).map((u) => {
            const name = u.username ? `${u.displayName}（${u.username}）` : u.displayName;
            return {
              value: u.id, title: name,
              label: (
                <span data-testid={`handler-option-${u.username ?? u.id}`} data-open={u.openCases}>
                  {name} · {t('openLoad', { n: u.openCases })}
                  {u.id === suggested?.id && <Tag color="green" style={{ marginInlineStart: 6 }}>{t('suggestedHandler')}</Tag>}
                </span>
              ),
            };
          })} />
      );
    case 'institution':
      return <InstitutionSelect value={value} onChange={onChange} exclude={c.institution.id} data-testid={testId} />;
    case 'referralBody':
      return <Select value={value} onChange={onChange} options={options(referralBodyLabels)} data-testid={testId} />;
    case 'track':
      return <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as string)} options={options(trackLabels)} optionType="button" data-testid={testId} />;
    case 'text':
      return <Input value={value} onChange={(e) => onChange?.(e.target.value)} data-testid={testId} />;
    default:
      return <Input.TextArea value={value} onChange={(e) => onChange?.(e.target.value)} rows={3} maxLength={field.name === 'result' ? 5000 : 2000} showCount data-testid={testId} />;
  }
}
