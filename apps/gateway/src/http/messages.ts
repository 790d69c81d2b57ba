// Every text the API answers with, in French and English: problem titles, details and field
// messages. Services write English; callers who prefer French (Accept-Language) get these.
import { ErrorCode, FieldError, type LanguageCode } from '@coop/contracts';

export type Language = LanguageCode;

type Localized = Record<Language, string>;

const TITLES: Record<ErrorCode, Localized> = {
  [ErrorCode.ValidationFailed]: { en: 'Invalid request', fr: 'Requête invalide' },
  [ErrorCode.Unauthenticated]: { en: 'Authentication required', fr: 'Authentification requise' },
  [ErrorCode.Forbidden]: { en: 'Not allowed', fr: 'Accès refusé' },
  [ErrorCode.NotFound]: { en: 'Not found', fr: 'Introuvable' },
  [ErrorCode.Conflict]: { en: 'Conflict', fr: 'Conflit' },
  [ErrorCode.IdempotencyKeyReused]: { en: 'Idempotency key reused with another request', fr: 'Clé d’idempotence déjà utilisée pour une autre requête' },
  [ErrorCode.IdempotencyRequestInFlight]: {
    en: 'A request with this idempotency key is in progress',
    fr: 'Une requête avec cette clé d’idempotence est en cours',
  },
  [ErrorCode.CapacityExceeded]: { en: 'Not enough capacity', fr: 'Capacité insuffisante' },
  [ErrorCode.InvalidStateTransition]: { en: 'Invalid state transition', fr: 'Changement d’état impossible' },
  [ErrorCode.PayloadTooLarge]: { en: 'Request too large', fr: 'Requête trop volumineuse' },
  [ErrorCode.UnsupportedMediaType]: { en: 'Unsupported media type', fr: 'Type de contenu non pris en charge' },
  [ErrorCode.RateLimited]: { en: 'Too many requests', fr: 'Trop de requêtes' },
  [ErrorCode.ServiceUnavailable]: { en: 'Service unavailable', fr: 'Service indisponible' },
  [ErrorCode.UpstreamTimeout]: { en: 'Service timed out', fr: 'Délai de réponse dépassé' },
  [ErrorCode.Internal]: { en: 'Internal error', fr: 'Erreur interne' },
};

/** French detail for an error a service described in English only. */
const DETAILS_FR: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: 'Données invalides.',
  [ErrorCode.Unauthenticated]: 'Clé d’API inconnue ou révoquée.',
  [ErrorCode.Forbidden]: 'Cette clé d’API ne permet pas cette opération.',
  [ErrorCode.NotFound]: 'La ressource demandée n’existe pas.',
  [ErrorCode.Conflict]: 'La requête entre en conflit avec l’état actuel de la ressource.',
  [ErrorCode.IdempotencyKeyReused]: 'Cette clé d’idempotence a déjà servi pour une requête différente.',
  [ErrorCode.IdempotencyRequestInFlight]: 'Une requête avec cette clé d’idempotence est encore en traitement ; réessayez plus tard.',
  [ErrorCode.CapacityExceeded]: 'Le professionnel n’a pas assez d’heures libres sur cette période.',
  [ErrorCode.InvalidStateTransition]: 'L’état actuel de la ressource ne permet pas cette opération.',
  [ErrorCode.PayloadTooLarge]: 'Le corps de la requête est trop volumineux.',
  [ErrorCode.UnsupportedMediaType]: 'Envoyez le corps en JSON (content-type: application/json).',
  [ErrorCode.RateLimited]: 'Trop de requêtes pour cette clé d’API ; réessayez après le délai indiqué par Retry-After.',
  [ErrorCode.ServiceUnavailable]: 'Un service nécessaire est indisponible ; réessayez plus tard.',
  [ErrorCode.UpstreamTimeout]: 'Un service n’a pas répondu à temps ; réessayez plus tard.',
  [ErrorCode.Internal]: 'La requête n’a pas pu être traitée.',
};

/** Failures the gateway itself detects, named so that both languages say exactly the same thing. */
export const GATEWAY_MESSAGES = {
  missingKey: { en: 'Send an API key as "Authorization: Bearer <key>"', fr: 'Envoyez une clé d’API : « Authorization: Bearer <clé> »' },
  wrongRole: { en: 'This credential may not call this route', fr: 'Cette clé d’API ne permet pas d’appeler cette route' },
  rateLimited: {
    en: 'Too many requests for this API key; retry after the delay in Retry-After',
    fr: 'Trop de requêtes pour cette clé d’API ; réessayez après le délai indiqué par Retry-After',
  },
  malformedJson: { en: 'The body is not valid JSON', fr: 'Le corps de la requête n’est pas du JSON valide' },
  emptyJson: { en: 'The body is empty although content-type is application/json', fr: 'Le corps de la requête est vide alors que content-type est application/json' },
  badContentLength: { en: 'Content-Length does not match the body', fr: 'Content-Length ne correspond pas au corps de la requête' },
  payloadTooLarge: { en: 'The body is larger than this API accepts', fr: 'Le corps de la requête dépasse la taille acceptée' },
  unsupportedMediaType: { en: 'Send the body as JSON (content-type: application/json)', fr: 'Envoyez le corps en JSON (content-type: application/json)' },
  badUrl: { en: 'The URL is not valid (bad percent-encoding)', fr: 'L’URL n’est pas valide (encodage % incorrect)' },
  routeNotFound: { en: 'No such route', fr: 'Cette route n’existe pas' },
  malformedRequest: {
    en: 'The request could not be read: a byte that is not ASCII in the URL (percent-encode it), or a malformed request line or header',
    fr: 'La requête est illisible : un octet non ASCII dans l’URL (encodez-le en %), ou une ligne de requête ou un en-tête mal formé',
  },
  headersTooLarge: { en: 'The request headers are too large', fr: 'Les en-têtes de la requête sont trop volumineux' },
  requestTimeout: { en: 'The request was not received in time', fr: 'La requête n’a pas été reçue à temps' },
} satisfies Record<string, Localized>;

export type GatewayMessageKey = keyof typeof GATEWAY_MESSAGES;

/** French messages of field errors, by the rule that failed; `{field}` and the rule's params are filled in. */
const FIELD_MESSAGES_FR: Record<string, string> = {
  isDefined: '{field} est obligatoire',
  isUuid: '{field} doit être un UUID',
  isIn: '{field} doit être l’une des valeurs suivantes : {values}',
  isString: '{field} doit être une chaîne de caractères',
  isBoolean: '{field} doit être un booléen (true ou false)',
  isInt: '{field} doit être un nombre entier',
  isNumber: '{field} doit être un nombre (au plus 2 décimales)',
  isPositive: '{field} doit être supérieur à 0',
  min: '{field} doit être au moins {min}',
  max: '{field} doit être au plus {max}',
  isLength: '{field} doit compter de {min} à {max} caractères',
  minLength: '{field} doit compter au moins {min} caractères',
  maxLength: '{field} doit compter au plus {max} caractères',
  matches: '{field} n’a pas le format attendu',
  isEmail: '{field} doit être une adresse courriel',
  isCalendarDate: '{field} doit être une date au format AAAA-MM-JJ, par exemple 2026-03-31',
  whitelistValidation: 'le champ {field} n’est pas accepté',
  unknownValue: 'le corps de la requête doit être un objet JSON',
  isNotNull: '{field} ne peut pas être null',
  unknownCursor: 'ce curseur ne vient pas de cette API',
  idempotencyKey: 'Idempotency-Key doit compter de 1 à 255 caractères ASCII imprimables, sans espace',
  windowInPast: '{field} doit être aujourd’hui ({today}) ou plus tard',
  windowTooFar: '{field} doit tomber dans les {maxDays} prochains jours',
  endBeforeStart: 'endDate doit être égale ou postérieure à startDate',
  windowTooLong: 'la période peut durer au plus {maxDays} jours',
  isWindowEnd: '{field} doit être égale ou postérieure à {start}, et au plus {maxDays} jours après',
  noWorkingDay: 'la période ne compte aucun jour ouvrable (du lundi au vendredi)',
  hoursExceedWindow: '{field} doit être au plus {max} : 8 h par jour ouvrable sur les {workingDays} jours ouvrables de la période',
  memberIdRequired: 'une clé partenaire doit indiquer le memberId du membre pour lequel elle agit',
  memberToActFor: 'memberId est obligatoire : indiquez le membre pour lequel vous agissez',
  memberIdNotAllowed: 'seule une clé partenaire est liée à un membre',
  isArray: '{field} doit être une liste',
  arrayMinSize: '{field} doit compter au moins {min} éléments',
  arrayMaxSize: '{field} doit compter au plus {max} éléments',
  onePartEach: 'chaque professionnel ne peut prendre qu’une part',
  shareHoursTotal: 'les heures des parts font {sum} h, pas les {hours} h de la demande',
  unknownMember: 'memberId ne désigne aucun membre',
};

export function problemTitle(code: ErrorCode, language: Language): string {
  return TITLES[code][language];
}

export function gatewayMessage(key: GatewayMessageKey, language: Language): string {
  return GATEWAY_MESSAGES[key][language];
}

/** The detail of a service's error: its own English text, or the French one for its code. */
export function serviceDetail(code: ErrorCode, english: string, language: Language, errors?: FieldError[]): string {
  if (language === 'en') return english;
  if (code === ErrorCode.ValidationFailed && errors?.length) {
    return `Données invalides : ${[...new Set(errors.map((e) => e.field))].join(', ')}`;
  }
  return DETAILS_FR[code];
}

export function fieldMessage(error: FieldError, language: Language): string {
  const template = language === 'fr' && error.constraint ? FIELD_MESSAGES_FR[error.constraint] : undefined;
  if (!template) return error.message;
  const values: Record<string, string | number> = { field: error.field, ...error.params };
  // A rule without the params its French text names keeps its English message.
  const missing = [...template.matchAll(/\{(\w+)\}/g)].some(([, name]) => values[name] === undefined);
  return missing ? error.message : template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}
