import { Injectable } from '@nestjs/common';
import { isLanguageCode, LanguageCode, MemberRpc, ProfessionalContactRpc, type ProfessionalContactView } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import type { EmailMessageEntity } from './email-message.entity.js';
import type { EmailContext } from './email-templates.js';

export interface ResolvedRecipient {
  address: string;
  language: LanguageCode;
  context: EmailContext;
}

// A professional who lists no language we write in gets French, the consortium's first language.
const FALLBACK_LANGUAGE: LanguageCode = 'fr';

/**
 * Looks up, when a message is sent, whom it goes to and in which language: the member's contact
 * (members service) or the professional (professionals service, preferred language first).
 */
@Injectable()
export class EmailRecipients {
  constructor(private readonly rpc: RpcClient) {}

  async resolve(message: EmailMessageEntity): Promise<ResolvedRecipient> {
    const facts = message.facts;
    const [member, professional, sharedWith] = await Promise.all([
      this.rpc.send(MemberRpc.get, { id: facts.memberId }),
      facts.professionalId ? this.rpc.send(ProfessionalContactRpc, { professionalId: facts.professionalId }) : undefined,
      facts.sharedWith ? this.namesOf(facts.sharedWith) : undefined,
    ]);
    const shared = sharedWith ? { sharedWith } : {};
    if (message.recipientType === 'professional') {
      const recipient = professional ?? (await this.rpc.send(ProfessionalContactRpc, { professionalId: message.recipientId }));
      return {
        address: recipient.email,
        language: preferredLanguage(recipient),
        context: { facts, recipientName: recipient.fullName, memberName: member.name, professionalName: recipient.fullName, ...shared },
      };
    }
    return {
      address: member.contactEmail,
      language: member.language,
      context: { facts, recipientName: member.name, memberName: member.name, professionalName: professional?.fullName, ...shared },
    };
  }

  /** The professionals a shared request is shared with, by name, with their hours. */
  private namesOf(people: NonNullable<EmailMessageEntity['facts']['sharedWith']>): Promise<Array<{ name: string; hours: number }>> {
    return Promise.all(
      people.map(async (person) => ({ name: (await this.rpc.send(ProfessionalContactRpc, { professionalId: person.professionalId })).fullName, hours: person.hours })),
    );
  }
}

function preferredLanguage(professional: ProfessionalContactView): LanguageCode {
  return professional.languages.find(isLanguageCode) ?? FALLBACK_LANGUAGE;
}
