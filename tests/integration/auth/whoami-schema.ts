/** A one-field schema that answers with the request's principal, to see what the gateway made of a credential. */
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { GatewayContext } from '../../../src/context.js';

export const WHOAMI = '{ principal }';

export const whoamiSchema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      principal: { type: GraphQLString, resolve: (_root, _args, context: GatewayContext) => JSON.stringify(context.principal) },
    },
  }),
});
