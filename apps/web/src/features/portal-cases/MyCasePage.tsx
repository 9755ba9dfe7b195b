import { Flex } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { FullPageSpin } from '../../shared/FullPageSpin.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { useMyCase } from './api.ts';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseFiles } from './CaseFiles.tsx';
import { portalCaseMessages } from './messages.ts';
import { RequireApplicant } from './RequireApplicant.tsx';
import { SupplementForm } from './SupplementForm.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';

/** `/my/cases/:id`: one of my cases — state, next step, requests for material, documents, withdrawal. */
export function MyCasePage() {
  return <RequireApplicant><MyCase /></RequireApplicant>;
}

function MyCase() {
  const { id = '' } = useParams();
  const t = useT(portalCaseMessages);
  const q = useMyCase(id);
  useTitle(q.data ? `${q.data.caseNumber} · ${t('caseView')}` : t('caseView'));
  if (q.isPending) return <FullPageSpin />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880, margin: '0 auto' }} data-testid="portal-case-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Link to="/my/cases" data-testid="back-to-cases">← {t('myCases')}</Link>
        <Flex gap={8}>
          {c.abilities.withdraw && <WithdrawButton caseId={c.id} />}
        </Flex>
      </Flex>
      <CaseFacts c={c} />
      {c.abilities.supplement && <SupplementForm c={c} />}
      <CaseFiles c={c} />
    </Flex>
  );
}
