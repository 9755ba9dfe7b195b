import { AutoComplete, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSuggestions, type SearchMode } from './api.ts';

export interface SearchInputProps {
  mode: SearchMode;
  text: string;
  setText: (s: string) => void;
  go: (q: string) => void;
  placeholder: string;
  label: string;
  /** The visitor was already in the plain box when this one replaced it. */
  focused?: boolean;
}

/** The typeahead half of the header's search box (loaded after the first paint, see SearchBox). */
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
