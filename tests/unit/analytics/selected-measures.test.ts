/** Which measures a query makes the stores compute: those selected on groups or total, never a field named like a measure elsewhere. */
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedMeasures } from '../../../resolvers/analytics-groups.js';
import { AggregateMeasure, AggregateOrderBy } from '../../../schema/analytics-enums.js';

function infoOf(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

describe('selected measures', () => {
  it('does not take the groups list for the 团组数 measure', () => {
    expect(selectedMeasures('EXPENSE', infoOf('{ a { groups { key { month } count amount { sum } } } }'), null)).toEqual(['amount']);
  });

  it('reads groups, total and fragments, and adds the measure ordered by', () => {
    const info = infoOf('{ a { groups { ...G } total { guests { sum } } } } fragment G on ThreePublicExpenseGroup { groups { sum } amount { sum } }');
    expect(selectedMeasures('EXPENSE', info, { by: AggregateOrderBy.MAX, measure: AggregateMeasure.VEHICLES_HELD })).toEqual(['amount', 'groups', 'vehiclesHeld', 'guests']);
  });
});
