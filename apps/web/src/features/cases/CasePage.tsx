import { Col, Flex, Row, Spin } from 'antd';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useTitle } from '../../shared/useTitle.ts';
import { ActionBar } from './ActionBar.tsx';
import { useCase } from './api.ts';
import { CaseHeader } from './CaseHeader.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { DeadlinesCard } from './DeadlinesCard.tsx';
import { FactsCard } from './FactsCard.tsx';
import { PartiesCard } from './PartiesCard.tsx';
import { WorkFile } from './WorkFile.tsx';
import { CaseExpertsCard } from '../experts/CaseExpertsCard.tsx';
import { useCan } from '../../shared/session.ts';
import { OpinionCard } from './OpinionCard.tsx';
import { EvidenceCard } from './EvidenceCard.tsx';

/** 案件详情: header with the action bar; facts, parties and the working file; deadlines and the timeline. */
export function CasePage() {
  const { id } = useParams();
  const q = useCase(id);
  const can = useCan();
  useTitle(q.data?.data.caseNumber ?? '…');
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const { data: c, abilities } = q.data;
  const ab = abilities ?? { events: [], note: false, revealPii: false };
  return (
    <Flex vertical gap={12} data-testid="case-page" data-version={c.version}>
      <CaseHeader c={c}>
        <ActionBar c={c} events={ab.events} />
      </CaseHeader>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={12}>
            <FactsCard c={c} />
            <PartiesCard c={c} canReveal={ab.revealPii} />
            {can('case.read') && <EvidenceCard caseId={c.id} />}
            <WorkFile caseId={c.id} canWrite={ab.note} />
            {c.services.includes('infringement_opinion') && !['draft', 'submitted', 'declined', 'withdrawn'].includes(c.state.value) && (
              <OpinionCard caseId={c.id} canWrite={can('case.handle') && ['assigned', 'in_progress'].includes(c.state.value)} />
            )}
            {can('expert.invite') && !['draft', 'concluded', 'archived', 'withdrawn', 'declined'].includes(c.state.value) && <CaseExpertsCard caseId={c.id} />}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={12}>
            <DeadlinesCard deadlines={c.deadlines} />
            <CaseTimeline caseId={c.id} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
