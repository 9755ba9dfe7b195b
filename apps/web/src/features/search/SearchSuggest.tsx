import { AutoComplete, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useSuggestions, type SearchMode } from './api.ts';
import { searchMessages } from './messages.ts';
import { useGo, type SearchInputProps } from './useGo.ts';

/** The header's search box with its typeahead, loaded at once (the console). */
export function SuggestingSearchBox({ mode }: { mode: SearchMode }) {
  const t = useT(searchMessages);
  const [sp] = useSearchParams();
  const [text, setText] = useState(sp.get('q') ?? '');
  const placeholder = t(mode === 'portal' ? 'placeholder' : 'placeholderConsole');
  return <SearchSuggest mode={mode} text={text} setText={setText} go={useGo()} placeholder={placeholder} label={t('title')} />;
}

/** The typeahead box (the portal loads it after its first render, see SearchBox). */
export default function SearchSuggest({ mode, text, setText, go, placeholder, label, focused }: SearchInputProps) {
  const nav = useNavigate();
  const [typed, setTyped] = useState('');
  // Ask for suggestions once typing pauses, not on every key.
  useEffect(() => {
    const h = setTimeout(() => setTyped(text), 200);
    return () => clearTimeout(h);
  }, [text]);
  const suggestions = useSuggestions(typed);
  return (
    <AutoComplete
      value={text}
      onChange={setText}
      defaultOpen={focused && text !== ''}
      options={(suggestions.data ?? []).map((s) => ({ value: s.refId, label: <span data-testid="search-suggestion">{s.title}</span>, title: s.title }))}
      onSelect={(refId: string, o: { title?: string }) => {
        if (mode === 'portal') nav(`/articles/${refId}`);
        else go(o.title ?? text);
        setText(o.title ?? text);
      }}
      style={{ width: mode === 'portal' ? 220 : 320, maxWidth: '100%' }}
      popupMatchSelectWidth={360}
    >
      <Input.Search placeholder={placeholder} onSearch={go} allowClear maxLength={200} aria-label={label} autoFocus={focused} data-testid="search-box" />
    </AutoComplete>
  );
}
