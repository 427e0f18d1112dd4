import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { KnownAtField } from '../common/known-at';

@ArgsType()
export class CompaniesArgs extends PageArgs {
  @KnownAtField()
  knownAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only companies of this country (ISO 3166-1 alpha-2).',
  })
  country?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only companies whose name starts with these letters (case-insensitive), for pickers.',
  })
  namePrefix?: string | null;
}
