/** The portal's columns (门户网站栏目) and their items. */
import 'reflect-metadata';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DisclosureCategory } from './disclosure-category.enum.js';
import { Disclosure } from './disclosure.interface.js';
import { Node } from './node.interface.js';

export enum PortalColumnCode {
  WORK_NEWS = 'WORK_NEWS',
  NOTICES = 'NOTICES',
  PHOTO_NEWS = 'PHOTO_NEWS',
}

registerEnumType(PortalColumnCode, {
  name: 'PortalColumnCode',
  description: 'A column of the town portal (门户网站栏目); each is also a catalog category of the same name.',
  valuesConfig: {
    WORK_NEWS: { description: '工作动态: work news.' },
    NOTICES: { description: '通知通告: notices and announcements.' },
    PHOTO_NEWS: { description: '图片新闻: photo news.' },
  },
});

@ObjectType({ description: 'An image of a portal item, as the portal serves it.' })
export class PortalImage {
  @Field(() => String, { description: 'Address of the image file on the portal.' })
  url!: string;

  @Field(() => String, { description: 'Caption (图片说明).' })
  caption!: string;

  @Field(() => Int, { description: 'Width in pixels.' })
  width!: number;

  @Field(() => Int, { description: 'Height in pixels.' })
  height!: number;
}

@ObjectType({ description: 'A column of the portal (栏目): its name and, in `articles`, its list page.' })
export class PortalColumn {
  @Field(() => PortalColumnCode, { description: 'The column.' })
  code!: PortalColumnCode;

  @Field(() => String, { description: 'Chinese name of the column (栏目名称), e.g. 工作动态.' })
  name!: string;

  @Field(() => DisclosureCategory, { description: 'The catalog category that lists the column\'s items.' })
  category!: DisclosureCategory;
}

@ObjectType({
  implements: [Node, Disclosure],
  description: 'An item of a portal column (栏目信息): work news, a notice or photo news, with its body, images and dates; `column` leads to the list page, `newer`/`older` to the neighbouring items.',
})
export class PortalArticle extends Disclosure {
  @Field(() => String, { description: 'Short text for the list page (摘要): the first sentence of the body.' })
  summary!: string;

  @Field(() => String, { description: 'Full text (正文).' })
  body!: string;

  @Field(() => [PortalImage], { description: 'Images, in the order shown; photo news has at least one.' })
  images!: PortalImage[];

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day the reported event took place (活动日期), when it is not the publication day.' })
  eventOn!: string | null;

  @Field(() => String, { description: 'Source (来源) as printed under the title.' })
  source!: string;
}
