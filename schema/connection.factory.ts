/**
 * Relay connection and edge types for a node type. Edges are non-null: a
 * list holds only real items, so clients never filter nulls out. A list
 * merged from several stores (`federated`) leaves out the part of a store
 * that does not answer and reports it as a top-level error at the
 * connection field (extensions.code SOURCE_UNAVAILABLE, extensions.source
 * the store), beside the data of the stores that answered.
 */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NodeClass = abstract new (...args: any[]) => unknown;

const FEDERATED_EDGES =
  ' Items of a store that did not answer are left out; the response then carries an error with this connection\'s path, extensions.code SOURCE_UNAVAILABLE and extensions.source naming the store.';
const FEDERATED_TOTAL =
  ' Null when a store did not answer, with one SOURCE_UNAVAILABLE error per missing store at this field: a count without that store would mislead.';

/** The connection class `<name>Connection` with edges `<name>Edge` over `nodeType`; `federated` when its items come from several stores. */
export function connectionType(name: string, nodeType: NodeClass, what: string, options: { federated?: boolean } = {}) {
  @ObjectType(`${name}Edge`, { description: `An edge to one ${what}, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: unknown;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items (Relay connection).` })
  class Connection {
    @Field(() => [Edge], { description: `The ${what} items of this page, never null.${options.federated ? FEDERATED_EDGES : ''}` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: `Number of items matching, over all pages.${options.federated ? FEDERATED_TOTAL : ''}` })
    totalCount!: number | null;
  }

  return Connection;
}
