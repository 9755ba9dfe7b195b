import { AutoComplete, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { MAX_SENT, useSuggestions, type SearchMode } from './api.ts';
import { searchMessages } from './messages.ts';

/** The header's search box: typeahead over published titles; Enter opens the results page. */
export function SearchBox({ mode }: { mode: SearchMode }) {
  const t = useT(searchMessages);
  const nav = useNavigate();
  const [sp] = useSearchParams();
  const [text, setText] = useState(sp.get('q') ?? '');
  const [typed, setTyped] = useState('');
  // Ask for suggestions once typing pauses, not on every key.
  useEffect(() => {
    const h = setTimeout(() => setTyped(text), 200);
    return () => clearTimeout(h);
  }, [text]);
  const suggestions = useSuggestions(typed);
  const go = (q: string) => {
    const v = q.trim().slice(0, MAX_SENT);
    if (v) nav(`/search?q=${encodeURIComponent(v)}`);
  };
  return (
    <AutoComplete
      value={text}
      onChange={setText}
      options={(suggestions.data ?? []).map((s) => ({ value: s.refId, label: <span data-testid="search-suggestion">{s.title}</span>, title: s.title }))}
      onSelect={(refId: string, o: { title?: string }) => {
        if (mode === 'portal') nav(`/articles/${refId}`);
        else go(o.title ?? text);
        setText(o.title ?? text);
      }}
      style={{ width: mode === 'portal' ? 220 : 320, maxWidth: '100%' }}
      popupMatchSelectWidth={360}
    >
      <Input.Search
        placeholder={t(mode === 'portal' ? 'placeholder' : 'placeholderConsole')}
        onSearch={go}
        allowClear
        maxLength={200}
        aria-label={t('title')}
        data-testid="search-box"
      />
    </AutoComplete>
  );
}
