/** One template per kind of document: case data in, the official-document model out. */
import type { DocumentCaseData } from './documents.data.ts';
import type { DocumentKind, OfficialDocument } from './documents.model.ts';
import { parseDocNumber } from './documents.number.ts';
import { acceptanceNotice, declineNotice, supplementRequest } from './documents.templates.notices.ts';
import { guidanceLetter, infringementOpinion } from './documents.templates.opinions.ts';
import { referralLetter, transferLetter } from './documents.templates.letters.ts';

export const TEMPLATES: Record<DocumentKind, (d: DocumentCaseData) => OfficialDocument> = {
  acceptance_notice: acceptanceNotice,
  decline_notice: declineNotice,
  supplement_request: supplementRequest,
  guidance_letter: guidanceLetter,
  infringement_opinion: infringementOpinion,
  transfer_letter: transferLetter,
  referral_letter: referralLetter,
};

/** Build the document of a kind; throws InvalidDocNumber when the number is not a GB/T 9704 number. */
export function buildDocument(kind: DocumentKind, data: DocumentCaseData): OfficialDocument {
  parseDocNumber(data.docNumber);
  return TEMPLATES[kind](data);
}
