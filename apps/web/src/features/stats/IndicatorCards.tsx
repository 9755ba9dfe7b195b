import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useBi, useLang, useT } from '../../shared/i18n/index.ts';
import type { IndicatorDef, SummaryItem } from './api.ts';
import { figure, growth } from './format.ts';
import { statsMessages } from './messages.ts';

interface Props {
  defs: IndicatorDef[];
  items: SummaryItem[];
  selected: string;
  onSelect: (id: string) => void;
  onRecords: (id: string) => void;
}

/** One card per indicator: this period, last year's, growth; the definition on hover; click for the records. */
export function IndicatorCards({ defs, items, selected, onSelect, onRecords }: Props) {
  const t = useT(statsMessages);
  const bi = useBi();
  const { lang } = useLang();
  const byId = new Map(items.map((i) => [i.id, i]));
  return (
    <Row gutter={[8, 8]} data-testid="stats-cards">
      {defs.filter((d) => byId.has(d.id)).map((d) => {
        const s = byId.get(d.id)!;
        const g = growth(d, s);
        return (
          <Col key={d.id} xs={12} md={8} lg={6} xl={4}>
            <Card size="small" hoverable onClick={() => onSelect(d.id)} data-testid={`card-${d.id}`}
              style={{ borderColor: selected === d.id ? '#1677ff' : undefined }}>
              <Statistic
                title={<span>{bi(d.zh, d.en)} <Tooltip title={bi(d.definition.zh, d.definition.en)}><QuestionCircleOutlined /></Tooltip></span>}
                value={figure(d, s.value, lang)} suffix={d.kind === 'ratio' ? undefined : <small>{bi(d.unit.zh, d.unit.en)}</small>} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('lastYear')} {figure(d, s.previous, lang)} · <Tag color={g.up === null ? 'default' : g.up ? 'green' : 'red'}>{t('yoy')} {g.text}</Tag>
              </Typography.Text>
              {d.records && (
                <div><Typography.Link style={{ fontSize: 12 }} onClick={(e) => { e.stopPropagation(); onRecords(d.id); }} data-testid={`records-${d.id}`}>
                  {t('records')}
                </Typography.Link></div>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
