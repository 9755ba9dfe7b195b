import { markedPieces } from './marked.ts';

/** A server-highlighted string: plain text with the matched words in <mark>, never inserted as HTML. */
export function Marked({ html }: { html: string }) {
  return (
    <>
      {markedPieces(html).map((p, i) => (p.marked ? <mark key={i} style={{ background: '#ffe58f', padding: 0 }}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
