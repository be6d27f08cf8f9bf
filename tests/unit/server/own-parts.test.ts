/** Which lists of an operation the response cache may take for a record's own parts, checked against the gateway's schema. */
import 'reflect-metadata';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../../schema/build-schema.js';
import { ownPartsCheck, type OwnPartsCheck } from '../../../src/http/own-parts.js';

let partsOf: OwnPartsCheck;

beforeAll(async () => {
  partsOf = ownPartsCheck(await buildGatewaySchema());
});

const check = (query: string, operationName?: string) => Object.fromEntries(partsOf(parse(query), operationName));

describe('own-part lists of an operation', () => {
  it('names a statement’s lines, a procurement’s awards and contracts, and an award’s suppliers by response path', () => {
    expect(
      check(`query Item($id: ID!) { node(id: $id) { id
        ... on ThreePublicExpenseStatement { items { item amount } }
        ... on Procurement { awards { title suppliers { id name } } signed: contracts { title } } } }`),
    ).toEqual({ 'node.items': 'owned', 'node.awards': 'owned', 'node.awards.suppliers': 'linked', 'node.signed': 'owned' });
  });

  it('names them inside listings too, by path, and no other list', () => {
    expect(check('{ disclosures(first: 5) { edges { node { id ... on Procurement { awards { title } } } } } }')).toEqual({ 'disclosures.edges.node.awards': 'owned' });
    expect(check('{ disclosures(first: 5) { edges { node { id channels } } } }')).toEqual({});
  });

  it('gives up on a path another type’s field shares through an alias, on named fragments, and on unknown fields', () => {
    expect(
      check(`query Item($id: ID!) { node(id: $id) { id
        ... on ThreePublicExpenseStatement { parts: items { item } }
        ... on PolicyDocument { parts: interpretations { id } } } }`),
    ).toEqual({});
    expect(check('query Item($id: ID!) { node(id: $id) { id ...Lines } } fragment Lines on ThreePublicExpenseStatement { items { item } }')).toEqual({});
    expect(check('query Item($id: ID!) { node(id: $id) { id ... on ThreePublicExpenseStatement { items { item } noSuchField } } }')).toEqual({});
  });
});
