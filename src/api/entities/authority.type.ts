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
  @Field(() => ID, { description: 'The authority\'s id, e.g. "cnil".' })
  @Prop()
  id!: string;

  @Field({ description: 'Its name, e.g. "Garante per la protezione dei dati personali".' })
  @Prop()
  name!: string;

  @Field(() => AuthorityKindEnum, {
    nullable: true,
    description: 'What kind of body it is; null when the curators have not classified it.',
  })
  @Prop()
  kind!: AuthorityKind | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country code; EU for EU bodies.' })
  @Prop()
  country!: string;

  @Field(() => String, { nullable: true, description: 'Its website; null when not recorded.' })
  @Prop()
  website!: string | null;
}
