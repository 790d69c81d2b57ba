import { IsOptional, IsUUID } from 'class-validator';
import { WebhookEndpointInput } from '@coop/contracts';

/** `POST /v1/webhooks`: a partner registers for its own member; an admin names the member. */
export class RegisterWebhookBody extends WebhookEndpointInput {
  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string;
}
