/** Which operations the response cache takes for aggregations only, and the disclosure kinds it then ties them to, checked against the gateway's schema. */
import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../../schema/build-schema.js';
import { aggregationKindsCheck, type AggregationKindsCheck } from '../../../src/http/aggregation-answers.js';

const EXPENSES = '{ threePublicExpenseAggregate(groupBy: [ORGANIZATION, MONTH]) { groupCount groups { key { organization { id name } month } amount { sum(unit: WAN_YUAN) } } } }';

let schema: GraphQLSchema;
let kindsOf: AggregationKindsCheck;

beforeAll(async () => {
  schema = await buildGatewaySchema();
  kindsOf = aggregationKindsCheck(schema);
});

const check = (query: string, operationName?: string) => kindsOf(parse(query), operationName);

describe('aggregation answers', () => {
  it('ties each aggregation and comparison to the kind it sums, and several to all of theirs', () => {
    expect(check(EXPENSES)).toEqual(['ThreePublicExpenseStatement']);
    expect(check('{ fundAllocationAggregate { total { count } } }')).toEqual(['FundAllocation']);
    expect(check('{ procurementAggregate { groupCount } appointmentAggregate { groupCount } __typename }')).toEqual(['Procurement', 'Appointment']);
    expect(check('{ threePublicBudgetVsFinal(year: 2015) { __typename } }')).toEqual(['ThreePublicExpenseStatement']);
    expect(check('query A { fundAllocationAggregate { groupCount } } query B { disclosures { totalCount } }', 'A')).toEqual(['FundAllocation']);
  });

  it('keeps the rule for lists when the answer can reach records of other kinds', () => {
    // Catalog items count every kind; a catalog list beside the aggregation; another operation; a mutation.
    expect(check('{ catalogItemAggregate { groupCount } }')).toBeNull();
    expect(check('{ fundAllocationAggregate { groupCount } disclosures(first: 1) { totalCount } }')).toBeNull();
    expect(check('query A { fundAllocationAggregate { groupCount } } query B { disclosures { totalCount } }', 'B')).toBeNull();
    expect(check('mutation { withdrawRecord(kind: "FundAllocation", sourceId: "x", reason: "r") { state } }')).toBeNull();
    // Under a group key's organization: a connection, a linked record, or a named fragment (not followed).
    expect(check('{ fundAllocationAggregate(groupBy: [ORGANIZATION]) { groups { key { organization { disclosures(first: 1) { totalCount } } } } } }')).toBeNull();
    expect(check('{ fundAllocationAggregate(groupBy: [ORGANIZATION]) { groups { key { organization { parent { name } } } } } }')).toBeNull();
    expect(check('{ fundAllocationAggregate(groupBy: [ORGANIZATION]) { groups { key { organization { ...O } } } } } fragment O on Organization { name }')).toBeNull();
    // Inline fragments are walked like the fields around them.
    expect(check('{ fundAllocationAggregate(groupBy: [ORGANIZATION]) { groups { key { organization { ... on Organization { id name otherNames } } } } } }')).toEqual(['FundAllocation']);
    // A field the schema does not have is left to validation, uncached.
    expect(check('{ fundAllocationAggregate { noSuchField } }')).toBeNull();
  });
});
