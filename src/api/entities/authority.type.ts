import { Field, ID, ObjectType } from 'type-graphql';
import type { AuthorityKind } from '../../graph/model';
import { AuthorityKindEnum } from '../common/enums';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({
  description: 'A data protection authority, court, EU body or other authority, e.g. CNIL.',
  simpleResolvers: true,
})
@Projected()
export class Authority {
  @Field(() => ID)
  @Prop()
  id!: string;

  @Field()
  @Prop()
  name!: string;

  @Field(() => AuthorityKindEnum, { nullable: true })
  @Prop()
  kind!: AuthorityKind | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country code; EU for EU bodies.' })
  @Prop()
  country!: string;

  @Field(() => String, { nullable: true })
  @Prop()
  website!: string | null;
}
