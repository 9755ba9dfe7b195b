import { isValidCreditCode, isValidMobile } from '@yuanzhi/domain';
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { partyKinds } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { enterpriseSizeLabels, enterpriseTagLabels } from './labels.ts';
import { caseMessages } from './messages.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The applicant party of the quick registration: its kind decides which fields are asked. */
/** `sizeRequired`: the portal's application needs a company's size (the server refuses it without); a clerk's quick form does not. */
export function PartyFields({ kind, sizeRequired = false }: { kind: string; sizeRequired?: boolean }) {
  const t = useT(caseMessages);
  const { options } = useEnum();
  const isPerson = kind === 'natural_person';
  const isEnterprise = kind === 'legal_person' || kind === 'individual_business';
  const nameLabel = isPerson ? t('personName') : kind === 'individual_business' ? t('businessName') : t('orgName');
  const half = { xs: 24, md: 12 };
  return (
    <Row gutter={12}>
      <Col span={24}>
        <Form.Item name={['applicant', 'kind']} label={t('partyKind')} rules={[{ required: true }]}>
          <Radio.Group options={options(partyKinds)} optionType="button" data-testid="register-partyKind" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={['applicant', 'name']} label={nameLabel} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 200 }]}>
          <Input data-testid="register-name" autoComplete="off" />
        </Form.Item>
      </Col>
      {isPerson ? (
        <Col {...half}>
          <Form.Item name={['applicant', 'idNumber']} label={t('idNumber')} rules={[{ pattern: /^[0-9A-Za-z]{6,30}$/, message: t('idNumberInvalid') }]}>
            <Input data-testid="register-idNumber" autoComplete="off" />
          </Form.Item>
        </Col>
      ) : (
        <Col {...half}>
          <Form.Item
            name={['applicant', 'creditCode']}
            label={t('creditCode')}
            normalize={(v: string) => v?.toUpperCase()}
            rules={[{ validator: (_, v: string | undefined) => (!v || isValidCreditCode(v) ? Promise.resolve() : Promise.reject(new Error(t('creditCodeInvalid')))) }]}
          >
            <Input data-testid="register-creditCode" maxLength={18} autoComplete="off" />
          </Form.Item>
        </Col>
      )}
      <Col {...half}>
        <Form.Item
          name={['applicant', 'phone']}
          label={t('phone')}
          dependencies={[['applicant', 'email']]}
          rules={[
            { validator: (_, v: string | undefined) => (!v || isValidMobile(v) ? Promise.resolve() : Promise.reject(new Error(t('phoneInvalid')))) },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                v || getFieldValue(['applicant', 'email']) ? Promise.resolve() : Promise.reject(new Error(t('contactRequired'))),
            }),
          ]}
        >
          <Input data-testid="register-phone" inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={['applicant', 'email']} label={t('email')} rules={[{ pattern: emailPattern, message: t('emailInvalid') }]}>
          <Input data-testid="register-email" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={['applicant', 'address']} label={t('address')} rules={[{ max: 300 }]}>
          <Input data-testid="register-address" autoComplete="off" />
        </Form.Item>
      </Col>
      {isEnterprise && (
        <>
          <Col {...half}>
            <Form.Item name={['applicant', 'enterpriseSize']} label={t('enterpriseSize')}
              rules={sizeRequired && kind === 'legal_person' ? [{ required: true, message: t('enterpriseSizeRequired') }] : []}>
              <Select allowClear options={options(enterpriseSizeLabels)} data-testid="register-enterpriseSize" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name={['applicant', 'enterpriseTags']} label={t('enterpriseTags')}>
              <Select mode="multiple" allowClear options={options(enterpriseTagLabels)} data-testid="register-enterpriseTags" />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
