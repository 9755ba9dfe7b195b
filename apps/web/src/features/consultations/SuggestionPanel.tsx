import { Button, Card, Empty, List, Spin, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { get, type One } from '../../shared/api.ts';
import { useSuggestions, type Consultation, type Suggestion } from './api.ts';
import { consultationMessages } from './messages.ts';
import { useDebounced } from './useDebounced.ts';

/** 参考答复: answers given before to similar questions, fetched once typing pauses. */
export function SuggestionPanel({ question, onUse }: { question: string; onUse: (answer: string) => void }) {
  const t = useT(consultationMessages);
  const q = useDebounced(question.trim(), 350);
  const { data, isFetching } = useSuggestions(q);
  // The snippet is clipped: take the whole answer.
  const use = (s: Suggestion) =>
    get<One<Consultation>>(`/api/consultations/${s.refId}`).then((r) => onUse(r.data.answer ?? s.snippet), () => onUse(s.snippet));
  const items = [...q].length >= 4 ? (data ?? []) : [];
  return (
    <Card size="small" title={t('suggestions')} extra={isFetching ? <Spin size="small" /> : null} data-testid="suggestions">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('suggestionsEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(s) => (
            <List.Item key={s.refId} data-testid="suggestion"
              actions={[<Button key="use" size="small" onClick={() => void use(s)} data-testid="suggestion-use">{t('useAnswer')}</Button>]}>
              <List.Item.Meta
                title={<Typography.Text strong>{s.title}</Typography.Text>}
                description={<>
                  <Typography.Paragraph style={{ marginBottom: 0 }}>{s.snippet}</Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('similarity')} {Math.round(s.score * 100)}%</Typography.Text>
                </>}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
