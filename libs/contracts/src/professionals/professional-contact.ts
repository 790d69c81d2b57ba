import { IsUUID } from 'class-validator';
import { defineRpc } from '../messaging/rpc-contract.js';
import type { LanguageCode } from '../taxonomy/languages.js';

export class ProfessionalContactRequest {
  @IsUUID('4', { message: 'professionalId must be a UUID' })
  professionalId: string;
}

/** What another service needs to write to a professional (notifications). */
export class ProfessionalContactView {
  id: string;
  fullName: string;
  email: string;
  /** Preferred first: the language to write to them in. */
  languages: LanguageCode[];
  active: boolean;
}

export const ProfessionalContactRpc = defineRpc('professionals.professional.contact.v1', ProfessionalContactRequest, ProfessionalContactView);
