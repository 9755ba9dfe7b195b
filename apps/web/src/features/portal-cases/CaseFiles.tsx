import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { documentHref } from './api.ts';
import { fmtSize, fmtTime } from './format.ts';
import { portalCaseMessages } from './messages.ts';
import type { PortalCase } from './types.ts';

/** Documents issued to the applicant (download links unless read-only) and the material they sent, with checksums. */
export function CaseFiles({ c, readOnly }: { c: PortalCase; readOnly?: boolean }) {
  const t = useT(portalCaseMessages);
  return (
    <>
      <Card title={t('documents')} size="small" data-testid="portal-documents">
        {c.documents.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noDocuments')} /> : (
          <List
            dataSource={c.documents}
            renderItem={(d) => (
              <List.Item data-testid={`portal-document-${d.id}`}
                actions={readOnly ? [] : [
                  <Button key="pdf" size="small" href={documentHref(c.id, d.id, 'pdf')} data-testid={`document-download-${d.id}`}>PDF</Button>,
                  <Button key="docx" size="small" href={documentHref(c.id, d.id, 'docx')} data-testid={`document-download-docx-${d.id}`}>Word</Button>,
                ]}>
                <List.Item.Meta title={d.name} description={`${t('issuedAt')} ${fmtTime(d.issuedAt)}`} />
              </List.Item>
            )}
          />
        )}
      </Card>
      {c.evidence.length > 0 && (
        <Card title={t('evidence')} size="small" data-testid="portal-evidence">
          <List
            dataSource={c.evidence}
            renderItem={(e) => (
              <List.Item data-testid={`portal-evidence-${e.id}`}>
                <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                  <Typography.Text>{e.name} <Typography.Text type="secondary">({fmtSize(e.sizeBytes)} · {fmtTime(e.addedAt)})</Typography.Text></Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }} copyable={{ text: e.sha256 }}>
                    {t('sha256')}: <code>{e.sha256}</code>
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
