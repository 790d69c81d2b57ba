import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainException, ErrorCode, FieldError } from '@coop/contracts';
import { GATEWAY_MESSAGES, GatewayMessageKey } from './messages.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with our stable `code` and the offending fields. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  correlationId?: string;
  errors?: Array<Pick<FieldError, 'field' | 'message'>>;
}

export function problemType(code: ErrorCode): string {
  return `https://coop-matching.example/problems/${code.replace(/_/g, '-')}`;
}

/** A failure the gateway detects itself, worded from the message catalog in the caller's language. */
export class GatewayException extends DomainException {
  constructor(
    code: ErrorCode,
    readonly messageKey: GatewayMessageKey,
  ) {
    super(code, GATEWAY_MESSAGES[messageKey].en);
  }
}

// The OpenAPI description of the above (for generated clients).
export class ProblemFieldError {
  @ApiProperty({ example: 'startDate', description: 'Path of the field in the body or query (`domains.0.level`)' })
  field: string;
  @ApiProperty({ example: 'startDate must be today (2026-11-26) or later' })
  message: string;
}

export class ProblemDocument implements ProblemDetails {
  @ApiProperty({ format: 'uri', example: 'https://coop-matching.example/problems/validation-failed' })
  type: string;
  @ApiProperty({ example: 'Invalid request', description: 'In the language of Accept-Language (fr or en)' })
  title: string;
  @ApiProperty({ example: 400 })
  status: number;
  @ApiProperty({ example: 'Invalid input: startDate' })
  detail: string;
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', description: 'Stable: switch on this' })
  code: ErrorCode;
  @ApiPropertyOptional({ example: '/v1/requests' })
  instance?: string;
  @ApiPropertyOptional({ description: 'Quote it when asking for help: it follows the call through every service' })
  correlationId?: string;
  @ApiPropertyOptional({ type: [ProblemFieldError], description: 'Each offending field (validation errors)' })
  errors?: ProblemFieldError[];
}
