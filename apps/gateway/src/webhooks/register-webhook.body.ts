import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { WebhookEndpointInput } from '@coop/contracts';

/** `POST /v1/webhooks`: a partner registers for its own member; an admin names the member. */
export class RegisterWebhookBody extends WebhookEndpointInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'Admins: the member the endpoint is for. Partners: omit it' })
  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string;
}
