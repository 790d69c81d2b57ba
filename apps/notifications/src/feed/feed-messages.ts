import type { CoordinatorNotificationKind, LanguageCode } from '@coop/contracts';

type Data = Record<string, unknown>;

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value ? value : fallback);

/** The sentence a coordinator reads for each kind of entry, in French and English. */
const MESSAGES: Record<CoordinatorNotificationKind, Record<LanguageCode, (data: Data) => string>> = {
  request_unmatched: {
    fr: (d) => `Aucune ou aucun professionnel disponible pour « ${text(d.title, String(d.requestId))} » : ${text(d.reason, 'motif inconnu')}`,
    en: (d) => `No professional available for "${text(d.title, String(d.requestId))}": ${text(d.reason, 'no reason given')}`,
  },
  assignment_declined: {
    fr: (d) => `Affectation refusée pour « ${text(d.title, String(d.requestId))} » : ${text(d.reason, 'motif inconnu')}`,
    en: (d) => `Assignment declined for "${text(d.title, String(d.requestId))}": ${text(d.reason, 'no reason given')}`,
  },
  urgent_request: {
    fr: (d) => `Nouvelle demande urgente (${String(d.urgency)}) : « ${text(d.title, String(d.requestId))} », ${String(d.domain)}, à partir du ${String(d.startDate)}`,
    en: (d) => `New urgent request (${String(d.urgency)}): "${text(d.title, String(d.requestId))}", ${String(d.domain)}, from ${String(d.startDate)}`,
  },
  webhook_endpoint_disabled: {
    fr: (d) => `Point de terminaison webhook désactivé : ${String(d.url)} (${text(d.reason, 'échecs répétés')})`,
    en: (d) => `Webhook endpoint disabled: ${String(d.url)} (${text(d.reason, 'repeated failures')})`,
  },
};

export function feedMessage(kind: CoordinatorNotificationKind, language: LanguageCode, data: Data): string {
  return MESSAGES[kind][language](data);
}
