import type { Schemas } from '../api/client';
import { compact, numberOrText, text } from '../ui/form';

export type RequestBody = Schemas['SubmitServiceRequestBody'];

export interface RequestFormValues {
  domain: string;
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  estimatedHours: string;
  language: string;
  region: string;
  onSite: boolean;
  urgency: string;
}

export const EMPTY_REQUEST_FORM: RequestFormValues = {
  domain: '',
  title: '',
  description: '',
  startDate: '',
  endDate: '',
  estimatedHours: '',
  language: '',
  region: '',
  onSite: false,
  urgency: 'normal',
};

/** The submission body of what was typed; empty optional fields are left to the member's defaults. */
export function requestBody(values: RequestFormValues): RequestBody {
  return compact({
    domain: text(values.domain),
    title: text(values.title),
    description: text(values.description),
    startDate: text(values.startDate),
    endDate: text(values.endDate),
    estimatedHours: numberOrText(values.estimatedHours),
    language: text(values.language),
    region: text(values.region),
    onSite: values.onSite,
    urgency: text(values.urgency),
  }) as RequestBody;
}
