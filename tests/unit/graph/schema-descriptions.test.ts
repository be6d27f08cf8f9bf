import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../../schema/build-schema.js';

function undocumented(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (!type.description) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('the schema', () => {
  it('describes every type, field, argument and enum value', async () => {
    const schema = await buildGatewaySchema();
    const own = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__') && !(isScalarType(type) && ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)));
    expect(own.flatMap(undocumented)).toEqual([]);
  });

  it('never exposes money as a Float', async () => {
    const schema = await buildGatewaySchema();
    const floats = Object.values(schema.getTypeMap())
      .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'))
      .flatMap((type) => Object.values((type as { getFields(): Record<string, { name: string; type: unknown }> }).getFields()).map((f) => [`${type.name}.${f.name}`, String(f.type)]))
      .filter(([, typeName]) => typeName!.includes('Float'));
    expect(floats).toEqual([]);
  });
});
