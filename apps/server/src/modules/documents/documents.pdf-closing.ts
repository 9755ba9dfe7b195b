/**
 * Runs in the page: puts the closing block (版记) at the foot of the text block of the last page. Chromium tells
 * a script nothing about print pages, so this replays its page breaks over the flow: paragraphs break between
 * lines (fixed pitch), table rows, headings with the line after them, and the signature block move whole to the
 * next page (taking the text's last line with it), and a table's header row repeats there. Self-contained: it is serialised into the page.
 */
export function placeClosingBlock(pageHeight: number): number {
  const doc = document.querySelector('.doc') as HTMLElement;
  const spacer = doc.querySelector('.closing-spacer') as HTMLElement;
  const closing = doc.querySelector('table.closing') as HTMLElement;
  const origin = doc.getBoundingClientRect().top;
  const rect = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { top: r.top - origin, bottom: r.bottom - origin };
  };
  let shift = 0; // how far page breaks have pushed content down so far
  const pageEnd = (y: number) => (Math.floor(y / pageHeight) + 1) * pageHeight;
  /** An unbreakable span [top, bottom) at flow position: moved to the next page if it would cross a page end. */
  const whole = (top: number, bottom: number, extraOnNewPage = 0) => {
    const t = top + shift;
    const end = pageEnd(t);
    if (bottom + shift > end + 0.5 && bottom - top <= pageHeight) shift += end - t + extraOnNewPage;
  };
  const lines = (top: number, bottom: number, pitch: number) => {
    for (let y = top; y < bottom - 0.5; y += pitch) whole(y, Math.min(y + pitch, bottom));
  };
  const children = [...doc.children].filter((el) => el !== spacer && el !== closing);
  children.forEach((el, i) => {
    const { top, bottom } = rect(el);
    const pitch = parseFloat(getComputedStyle(el).lineHeight) || bottom - top;
    if (el.matches('p.text, p.attachment')) return lines(top, bottom, pitch);
    if (el.matches('table.data')) {
      const head = el.querySelector('thead');
      const headHeight = head ? head.getBoundingClientRect().height : 0;
      if (head) whole(rect(head).top, rect(head).bottom + (el.querySelector('tbody tr')?.getBoundingClientRect().height ?? 0));
      el.querySelectorAll('tbody tr').forEach((tr) => whole(rect(tr).top, rect(tr).bottom, headHeight));
      return;
    }
    if (el.matches('h2, h3, h4, .title, .addressee, .caption')) {
      // kept with the first line (or row) of what follows
      const next = children[i + 1];
      const first = next ? (next.matches('table') ? next.querySelector('tbody tr') ?? next : next) : null;
      const nextPitch = next ? parseFloat(getComputedStyle(next).lineHeight) || 0 : 0;
      const tail = first ? (first === next && !next!.matches('table') ? rect(next!).top + nextPitch : rect(first).bottom) : bottom;
      return whole(top, Math.max(bottom, Math.min(tail, rect(next ?? el).bottom)));
    }
    if (el.matches('.signing-block')) {
      // break-before: avoid — moved to a new page, it takes the last line of the paragraph before it along
      const prev = children[i - 1];
      const carried = prev && prev.matches('p.text, p.attachment') ? parseFloat(getComputedStyle(prev).lineHeight) || 0 : 0;
      const before = shift;
      whole(top, bottom);
      if (shift !== before) shift += carried;
      return;
    }
    whole(top, bottom);
  });
  const height = closing.getBoundingClientRect().height;
  const at = rect(spacer).top + shift;
  let gap = pageEnd(at) - at - height - 1;
  if (gap < 0) gap += pageHeight;
  spacer.style.height = `${gap}px`;
  return gap;
}
