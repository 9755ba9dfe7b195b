/** What the case module calls: build a document of a kind from case data and render it as .docx or PDF. */
import type { DocumentCaseData } from './documents.data.ts';
import type { DocumentKind, OfficialDocument } from './documents.model.ts';
import { renderPdf } from './documents.pdf.ts';
import { buildDocument } from './documents.templates.ts';

export type DocumentFormat = 'docx' | 'pdf';

export const MEDIA_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export async function renderDocument(doc: OfficialDocument, format: DocumentFormat): Promise<Buffer> {
  // The docx builders (and the docx package, ≈ 19 MB) load at the first .docx, not at start-up (ADR 0040).
  if (format === 'docx') return (await import('./documents.docx.ts')).renderDocx(doc);
  return renderPdf(doc);
}

/** Template and render in one step; the model is returned too, for storing with the issued file. */
export async function generateDocument(
  kind: DocumentKind,
  data: DocumentCaseData,
  format: DocumentFormat,
): Promise<{ document: OfficialDocument; bytes: Buffer; mediaType: string }> {
  const document = buildDocument(kind, data);
  return { document, bytes: await renderDocument(document, format), mediaType: MEDIA_TYPES[format] };
}
