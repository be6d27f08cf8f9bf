/**
 * Relay connection and edge types for a node type. Edges are nullable list
 * items: when a store does not answer, its part of a list is reported as an
 * error at that position instead of failing the whole list.
 */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NodeClass = abstract new (...args: any[]) => unknown;

/** The connection class `<name>Connection` with edges `<name>Edge` over `nodeType`. */
export function connectionType(name: string, nodeType: NodeClass, what: string) {
  @ObjectType(`${name}Edge`, { description: `An edge to one ${what}, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: unknown;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items (Relay connection).` })
  class Connection {
    @Field(() => [Edge], { nullable: 'items', description: `The ${what} items of this page; an item is null where a store did not answer (see errors).` })
    edges!: (Edge | Error)[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: 'Number of items matching, over all pages; null (with an error) when a store did not answer.' })
    totalCount!: number | null;
  }

  return Connection;
}
