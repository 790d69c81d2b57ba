import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters.js';
import { operationId } from './openapi-operation-id.js';

// The limits a client must respect are stated once, as class-validator decorators on the contract
// classes. This copies them into the OpenAPI schemas of the same names, so the document says what
// validation enforces without each limit being written a second time in @ApiProperty.

/** What a validator can tell a client about a value; anything an @ApiProperty already says wins. */
const LIMIT_KEYWORDS = ['maxLength', 'minLength', 'maximum', 'minimum', 'maxItems', 'minItems', 'pattern', 'format'] as const;
/** A UUID is 36 characters; a calendar date 10. */
const FORMAT_LENGTHS: Record<string, number> = { uuid: 36, date: 10 };
const INT32_MAX = 2 ** 31 - 1;

/** A class: a controller, or the class of a body or query. */
type ClassType = abstract new (...args: never[]) => unknown;

type SchemaObject = Exclude<NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string], { $ref: string }>;

const CONVERTERS: ISchemaConverters = {
  // libs/contracts' IsCalendarDate: YYYY-MM-DD.
  isCalendarDate: { type: 'string', format: 'date' },
};

/** Adds the validators' limits to the request bodies and parameters of `document` (in place). */
export function documentValidationLimits(app: INestApplication, document: OpenAPIObject): void {
  const handlers = handlerParameterClasses(app);
  const schemaOf = (type: ClassType) => targetConstructorToSchema(type, { additionalConverters: CONVERTERS }) as SchemaObject;
  const fromValidators: Record<string, SchemaObject> = {
    ...(validationMetadatasToSchemas({ additionalConverters: CONVERTERS }) as Record<string, SchemaObject>),
    // Classes made by PickType/OmitType carry their parent's validators under their own name.
    ...Object.fromEntries([...new Set([...handlers.values()].flat())].map((type) => [type.name, schemaOf(type)])),
  };
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const validated = fromValidators[name];
    if (!validated?.properties || !('properties' in schema) || !schema.properties) continue;
    for (const [property, target] of Object.entries(schema.properties)) {
      const source = validated.properties[property] as SchemaObject | undefined;
      if (source && !('$ref' in target)) addLimits(target, source);
    }
  }
  // Query and path parameters: Nest spreads a query class into one parameter per property.
  for (const operation of Object.values(document.paths).flatMap((path) => Object.values(path) as { operationId?: string; parameters?: unknown[] }[])) {
    const sources = (handlers.get(operation.operationId ?? '') ?? []).map(schemaOf);
    for (const parameter of (operation.parameters ?? []) as { name: string; schema?: SchemaObject }[]) {
      if (!parameter.schema || '$ref' in parameter.schema) continue;
      const source = sources.map((schema) => schema.properties?.[parameter.name] as SchemaObject | undefined).find(Boolean);
      addLimits(parameter.schema, source ?? {});
    }
  }
}

function addLimits(target: SchemaObject, source: SchemaObject): void {
  for (const keyword of LIMIT_KEYWORDS) {
    if (target[keyword] === undefined && source[keyword] !== undefined) Object.assign(target, { [keyword]: source[keyword] });
  }
  if (target.type === 'string' && target.maxLength === undefined && target.format && FORMAT_LENGTHS[target.format]) {
    target.maxLength = FORMAT_LENGTHS[target.format];
  }
  const fitsInt32 = typeof target.minimum === 'number' && typeof target.maximum === 'number' && target.minimum >= -INT32_MAX - 1 && target.maximum <= INT32_MAX;
  if (target.type === 'integer' && target.format === undefined && fitsInt32) target.format = 'int32';
  const items = target.items;
  if (items && !('$ref' in items) && source.items && !('$ref' in source.items)) addLimits(items, source.items);
}

/** The classes of each handler's parameters (bodies and queries), by operationId (`Controller_method`, see openapi.ts). */
function handlerParameterClasses(app: INestApplication): Map<string, ClassType[]> {
  const handlers = new Map<string, ClassType[]>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as ClassType | undefined;
      if (!controller?.prototype) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const parameterTypes = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
        const classes = parameterTypes.filter((type): type is ClassType => typeof type === 'function' && !isBuiltIn(type as ClassType));
        handlers.set(operationId(controller.name, method), classes);
      }
    }
  }
  return handlers;
}

function isBuiltIn(type: ClassType): boolean {
  return [String, Number, Boolean, Object, Array, Date].includes(type as never);
}
