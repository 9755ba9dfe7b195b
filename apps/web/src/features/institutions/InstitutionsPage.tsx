import { Card, Col, Empty, Row, Segmented } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useInstitutionTree } from './api.ts';
import { InstitutionDetail } from './InstitutionDetail.tsx';
import { InstitutionList } from './InstitutionList.tsx';
import { InstitutionTree } from './InstitutionTree.tsx';
import { institutionMessages } from './messages.ts';

/** 机构管理: the tree on the left, the chosen institution on the right; or a filterable list. */
export function InstitutionsPage() {
  const t = useT(institutionMessages);
  const { id } = useParams();
  const nav = useNavigate();
  const [view, setView] = useState<'tree' | 'list'>('tree');
  const tree = useInstitutionTree();
  const first = tree.data?.[0]?.id;
  const open = (nid: string) => {
    setView('tree');
    nav(`/institutions/${nid}`);
  };
  // Open the top of the caller's tree straight away.
  if (!id && first) return <Navigate to={`/institutions/${first}`} replace />;
  return (
    <div>
      <Segmented
        value={view}
        onChange={(v) => setView(v as 'tree' | 'list')}
        options={[
          { value: 'tree', label: <span data-testid="view-tree">{t('treeView')}</span> },
          { value: 'list', label: <span data-testid="view-list">{t('listView')}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
      {view === 'list' ? (
        <Card>
          <InstitutionList onOpen={open} />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} md={9} lg={7}>
            <Card size="small" styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflow: 'auto' } }}>
              <InstitutionTree selected={id} onSelect={open} />
            </Card>
          </Col>
          <Col xs={24} md={15} lg={17}>
            {id ? <InstitutionDetail key={id} id={id} onSelect={open} /> : <Card><Empty description={t('pickOne')} /></Card>}
          </Col>
        </Row>
      )}
    </div>
  );
}
