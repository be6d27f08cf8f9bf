/** Review states (审核状态) of pushed records. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum SubmissionState {
  PENDING_REVIEW = 'PENDING_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(SubmissionState, {
  name: 'SubmissionState',
  description: 'Review state (审核状态) of the latest version of a pushed record.',
  valuesConfig: {
    PENDING_REVIEW: { description: '待审核: waiting for the confidentiality review (保密审查); not public.' },
    APPROVED: { description: '已公开: approved (or published directly by its department); public.' },
    REJECTED: { description: '未通过: rejected by a reviewer; a previously approved version stays public.' },
    WITHDRAWN: { description: '已撤回: withdrawn by its department; not public.' },
  },
});
