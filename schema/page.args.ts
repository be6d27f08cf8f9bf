/** Relay paging arguments shared by every connection field. */
import 'reflect-metadata';
import { ArgsType, Field, Int } from 'type-graphql';

/** Largest page a client may ask for with `first` or `last`. */
export const MAX_PAGE_SIZE = 200;
/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Number of items from the start (after \`after\`), at most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given.` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge after which the page starts.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `Number of items from the end (before \`before\`), at most ${MAX_PAGE_SIZE}; not together with first.` })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge before which the page ends.' })
  before?: string;
}
