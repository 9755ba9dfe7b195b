import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { searchMessages } from './messages.ts';
import { useGo, type SearchInputProps } from './useGo.ts';
import type { SearchMode } from './api.ts';

// AutoComplete brings antd's Select, its virtual list and popup (≈ 27 KB gzipped): the portal fetches it as soon as
// this module runs, in parallel with the first render, so it is not part of the first load (issue 8). Until it is
// there a plain box of the same look takes input; the console, which loads Select anyway, uses SuggestingSearchBox.
let suggest: ComponentType<SearchInputProps> | null = null;
const loading = import('./SearchSuggest.tsx').then((m) => (suggest = m.default));

/** The portal header's search box: typeahead over published titles; Enter opens the results page. */
export function SearchBox({ mode }: { mode: SearchMode }) {
  const t = useT(searchMessages);
  const [sp] = useSearchParams();
  const [text, setText] = useState(sp.get('q') ?? '');
  const [Suggest, setSuggest] = useState(() => suggest);
  const plainRef = useRef<InputRef>(null);
  const focused = useRef(false);
  const go = useGo();
  useEffect(() => {
    let live = true;
    void loading.then((c) => {
      if (!live) return;
      // Whatever reached the plain box but not yet our state goes on into the typeahead box.
      const typed = plainRef.current?.input?.value;
      if (typed !== undefined) setText(typed);
      setSuggest(() => c);
    });
    return () => {
      live = false;
    };
  }, []);
  const placeholder = t(mode === 'portal' ? 'placeholder' : 'placeholderConsole');
  if (Suggest) return <Suggest mode={mode} text={text} setText={setText} go={go} placeholder={placeholder} label={t('title')} focused={focused.current} />;
  return (
    <Input.Search
      ref={plainRef}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onFocus={() => (focused.current = true)}
      onBlur={() => (focused.current = false)}
      placeholder={placeholder}
      onSearch={go}
      allowClear
      maxLength={200}
      aria-label={t('title')}
      style={{ width: mode === 'portal' ? 220 : 320, maxWidth: '100%' }}
      data-testid="search-box"
    />
  );
}
