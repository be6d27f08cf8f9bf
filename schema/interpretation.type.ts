/** An interpretation of policies (政策解读). */
import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from './disclosure.interface.js';
import { InterpretationForm } from './interpretation-form.enum.js';
import { Node } from './node.interface.js';

@ObjectType({
  implements: [Node, Disclosure],
  description: 'An interpretation (政策解读) of one or more policies: text, graphic, video, interview or media report; `policies` are the documents it explains.',
})
export class Interpretation extends Disclosure {
  @Field(() => InterpretationForm, { description: 'Form of the interpretation (解读形式).' })
  form!: InterpretationForm;

  @Field(() => String, { description: 'Text of the interpretation, or the description of its graphic, video or report.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Where the graphic, video, interview or report is, when it is not text.' })
  mediaUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Outlet of a media report (媒体名称).' })
  mediaOutlet!: string | null;
}
