import { Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { DomainException } from '@coop/contracts';

class UuidPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    if (typeof value === 'string' && isUUID(value, '4')) return value;
    throw DomainException.validation([{ field: this.name, message: `${this.name} must be a UUID`, constraint: 'isUuid' }]);
  }
}

/** A UUID path parameter (`:id`): anything else is a validation error naming it. */
export const IdParam =
  (name = 'id'): ParameterDecorator =>
  (target, method, index) => {
    Param(name, new UuidPipe(name))(target, method, index);
    if (method !== undefined) {
      ApiParam({ name, schema: { type: 'string', format: 'uuid', maxLength: 36 } })(target, method, Object.getOwnPropertyDescriptor(target, method)!);
    }
  };
