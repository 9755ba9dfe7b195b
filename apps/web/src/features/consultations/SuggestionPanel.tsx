import { Button, Card, Empty, List, Spin, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { Marked } from '../search/Marked.tsx';
import { useSuggestions, type Suggestion } from './api.ts';
import { consultationMessages } from './messages.ts';
import { useDebounced } from './useDebounced.ts';

const sourceTag = { consultation: ['sourceConsultation', 'default'], qa: ['sourceQa', 'gold'], knowledge: ['sourceKnowledge', 'blue'] } as const;

/**
 * 参考答复: the knowledge base's best answers (featured Q&A, knowledge articles, past consultations) to the question
 * being typed, fetched once typing pauses. Each answer is cached under its own question, so a slow reply to an
 * older question never replaces the newer one's; the previous list stays while the next loads.
 */
export function SuggestionPanel({ question, onUse }: { question: string; onUse: (answer: string) => void }) {
  const t = useT(consultationMessages);
  const q = useDebounced(question.trim(), 350);
  const { data, isFetching } = useSuggestions(q);
  const items = [...q].length >= 4 ? (data ?? []) : [];
  const tag = (s: Suggestion) => <Tag color={sourceTag[s.source][1]} data-testid="suggestion-source">{t(sourceTag[s.source][0])}</Tag>;
  return (
    <Card size="small" title={t('suggestions')} extra={isFetching ? <Spin size="small" /> : null} data-testid="suggestions">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('suggestionsEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(s) => (
            <List.Item key={`${s.source}:${s.refId}`} data-testid="suggestion"
              actions={[<Button key="use" size="small" onClick={() => onUse(s.answer || s.snippet)} data-testid="suggestion-use">{t('useAnswer')}</Button>]}>
              <List.Item.Meta
                title={<>{tag(s)}<Typography.Text strong><Marked html={s.highlighted.title} /></Typography.Text></>}
                description={<>
                  <Typography.Paragraph style={{ marginBottom: 0 }}><Marked html={s.highlighted.snippet} /></Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('matchedWords')} {Math.round(s.score * 100)}%</Typography.Text>
                </>}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
