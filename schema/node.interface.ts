/** The Relay `Node` interface: anything with a global id can be fetched again with `node(id:)`. */
import 'reflect-metadata';
import { Field, ID, InterfaceType } from 'type-graphql';

/** What every value in an abstract position carries so its concrete type can be named. */
export interface Typed {
  __typename: string;
}

@InterfaceType({
  description: 'An object with a global id (opaque; encodes the type and the record id in its store).',
  resolveType: (value: Typed) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id, opaque; pass it to `node(id:)` to fetch the object again.' })
  id!: string;
}
