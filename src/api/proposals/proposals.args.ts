import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { type ProposalStatus, ProposalStatusEnum } from './proposals.enums';

@ArgsType()
export class ProposalsArgs extends PageArgs {
  @Field(() => ProposalStatusEnum, {
    nullable: true,
    description: 'Only proposals in this status; every status when not given.',
  })
  status?: ProposalStatus | null;
}
