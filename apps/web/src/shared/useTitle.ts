import { useEffect } from 'react';

/** Sets the document title (it follows the language). */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
