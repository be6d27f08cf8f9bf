/** Push mutations of the office kinds (issue 7): the same pipeline, review and withdrawal as every other kind (`withdrawRecord` takes these kind names too). */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../src/context.js';
import { BroadcastPushInput } from '../schema/broadcast-push.input.js';
import { InterpretationPushInput } from '../schema/interpretation-push.input.js';
import { LandRequisitionNoticePushInput } from '../schema/land-push.input.js';
import { PolicyDocumentPushInput } from '../schema/policy-push.input.js';
import { PortalArticlePushInput } from '../schema/portal-push.input.js';
import { PowerListPushInput } from '../schema/power-list-push.input.js';
import { PushResult } from '../schema/push-result.type.js';
import { pushFor } from './push.resolver.js';

const RULES =
  'Same rules as every push: at most 1000 records per call (more: BATCH_TOO_LARGE, nothing written); each record CREATED, UPDATED, UNCHANGED (same version) or rejected on its own (INVALID_RECORD with the field path, FORBIDDEN, STALE_VERSION); new versions wait for review unless the department publishes directly. Department credentials for the office store (or admin).';

@Resolver()
export class OfficePushResolver {
  @Mutation(() => PushResult, { description: `Pushes policies and normative documents (政策及规范性文件). ${RULES}` })
  pushPolicyDocuments(@Arg('records', () => [PolicyDocumentPushInput], { description: 'The documents.' }) records: PolicyDocumentPushInput[], @Ctx() context: GatewayContext): Promise<PushResult> {
    return pushFor(context, 'PolicyDocument', records);
  }

  @Mutation(() => PushResult, { description: `Pushes interpretations of policies (政策解读). ${RULES}` })
  pushInterpretations(@Arg('records', () => [InterpretationPushInput], { description: 'The interpretations.' }) records: InterpretationPushInput[], @Ctx() context: GatewayContext): Promise<PushResult> {
    return pushFor(context, 'Interpretation', records);
  }

  @Mutation(() => PushResult, { description: `Pushes power lists and public service lists (目录清单), each with all its items. ${RULES}` })
  pushPowerLists(@Arg('records', () => [PowerListPushInput], { description: 'The lists.' }) records: PowerListPushInput[], @Ctx() context: GatewayContext): Promise<PushResult> {
    return pushFor(context, 'PowerList', records);
  }

  @Mutation(() => PushResult, { description: `Pushes land requisition and compensation notices (征地公告, 征收补偿方案). ${RULES}` })
  pushLandRequisitionNotices(
    @Arg('records', () => [LandRequisitionNoticePushInput], { description: 'The notices.' }) records: LandRequisitionNoticePushInput[],
    @Ctx() context: GatewayContext,
  ): Promise<PushResult> {
    return pushFor(context, 'LandRequisitionNotice', records);
  }

  @Mutation(() => PushResult, { description: `Pushes portal column items (工作动态, 通知通告, 图片新闻). ${RULES}` })
  pushPortalArticles(@Arg('records', () => [PortalArticlePushInput], { description: 'The items.' }) records: PortalArticlePushInput[], @Ctx() context: GatewayContext): Promise<PushResult> {
    return pushFor(context, 'PortalArticle', records);
  }

  @Mutation(() => PushResult, { description: `Pushes broadcasts of the SMS platform and the bulletin boards (信息发布记录). ${RULES}` })
  pushBroadcasts(@Arg('records', () => [BroadcastPushInput], { description: 'The broadcasts.' }) records: BroadcastPushInput[], @Ctx() context: GatewayContext): Promise<PushResult> {
    return pushFor(context, 'Broadcast', records);
  }
}
