import { Card, Descriptions, Flex, Tag } from 'antd';
import { partyKinds } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { enterpriseSizeLabels, enterpriseTagLabels, partyRoleLabels } from './labels.ts';
import { caseMessages } from './messages.ts';
import { RevealValue } from './RevealValue.tsx';
import type { Case } from './types.ts';

/** The parties, personal data masked; each masked field has its audited reveal when the caller may. */
export function PartiesCard({ c, canReveal }: { c: Case; canReveal: boolean }) {
  const t = useT(caseMessages);
  const { label } = useEnum();
  return (
    <Card size="small" title={t('parties')} data-testid="case-parties">
      <Flex vertical gap={12}>
        {c.parties.map((p) => {
          const rv = (field: 'phone' | 'idNumber' | 'address' | 'email', masked: string | null) => (
            <RevealValue caseId={c.id} partyId={p.id} field={field} masked={masked} allowed={canReveal} />
          );
          return (
            <Descriptions
              key={p.id}
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              styles={{ title: { whiteSpace: 'normal' }, content: { minWidth: 0, overflowWrap: 'anywhere' } }}
              title={<span>{p.name} <Tag>{label(partyRoleLabels, p.role)}</Tag><Tag>{label(partyKinds, p.kind)}</Tag></span>}
              data-testid={`party-${p.role}`}
            >
              {p.creditCode && <Descriptions.Item label={t('creditCode')}>{p.creditCode}</Descriptions.Item>}
              {p.idNumberMasked && <Descriptions.Item label={t('idNumber')}>{rv('idNumber', p.idNumberMasked)}</Descriptions.Item>}
              <Descriptions.Item label={t('phone')}>{rv('phone', p.phoneMasked)}</Descriptions.Item>
              <Descriptions.Item label={t('email')}>{rv('email', p.emailMasked)}</Descriptions.Item>
              {p.addressMasked && <Descriptions.Item label={t('address')}>{rv('address', p.addressMasked)}</Descriptions.Item>}
              {p.enterpriseSize && <Descriptions.Item label={t('enterpriseSize')}>{label(enterpriseSizeLabels, p.enterpriseSize)}</Descriptions.Item>}
              {p.enterpriseTags.length > 0 && (
                <Descriptions.Item label={t('enterpriseTags')}>{p.enterpriseTags.map((x) => <Tag key={x}>{label(enterpriseTagLabels, x)}</Tag>)}</Descriptions.Item>
              )}
            </Descriptions>
          );
        })}
      </Flex>
    </Card>
  );
}
