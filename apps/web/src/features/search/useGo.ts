import { useNavigate } from 'react-router';
import { MAX_SENT, type SearchMode } from './api.ts';

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

/** Open the results page for a query (trimmed, at most MAX_SENT characters); nothing for an empty one. */
export function useGo(): (q: string) => void {
  const nav = useNavigate();
  return (q: string) => {
    const v = q.trim().slice(0, MAX_SENT);
    if (v) nav(`/search?q=${encodeURIComponent(v)}`);
  };
}
