import { Input } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { MAX_SENT, type SearchMode } from './api.ts';
import { searchMessages } from './messages.ts';

// AutoComplete brings antd's Select, its virtual list and popup (≈ 30 KB gzipped): fetched once the page is up,
// so it is not part of the portal's first load (issue 8). Until then a plain box of the same look takes input.
const loadSuggest = () => import('./SearchSuggest.tsx');
const SearchSuggest = lazy(loadSuggest);

/** The header's search box: typeahead over published titles; Enter opens the results page. */
export function SearchBox({ mode }: { mode: SearchMode }) {
  const t = useT(searchMessages);
  const nav = useNavigate();
  const [sp] = useSearchParams();
  const [text, setText] = useState(sp.get('q') ?? '');
  const [ready, setReady] = useState(false);
  const focused = useRef(false);
  useEffect(() => {
    let live = true;
    void loadSuggest().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  const go = (q: string) => {
    const v = q.trim().slice(0, MAX_SENT);
    if (v) nav(`/search?q=${encodeURIComponent(v)}`);
  };
  const placeholder = t(mode === 'portal' ? 'placeholder' : 'placeholderConsole');
  const plain = (
    <Input.Search
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
  if (!ready) return plain;
  return (
    <Suspense fallback={plain}>
      <SearchSuggest mode={mode} text={text} setText={setText} go={go} placeholder={placeholder} label={t('title')} focused={focused.current} />
    </Suspense>
  );
}
