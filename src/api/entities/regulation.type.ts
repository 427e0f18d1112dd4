import { Field, ID, ObjectType } from 'type-graphql';
import type { RegulationKind } from '../../graph/model';
import { RegulationKindEnum } from '../common/enums';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({
  description: 'A law: the GDPR, the DMA, the AI Act, a national law.',
  simpleResolvers: true,
})
@Projected()
export class Regulation {
  @Field(() => ID, { description: 'e.g. gdpr, dma, ai-act.' })
  @Prop()
  id!: string;

  @Field({
    description:
      'Its full name, e.g. "General Data Protection Regulation (Regulation (EU) 2016/679)".',
  })
  @Prop()
  name!: string;

  @Field({ description: 'How it is cited: "GDPR", "DMA", "AI Act".' })
  @Prop()
  shortName!: string;

  @Field(() => RegulationKindEnum, { description: 'What kind of law it is, e.g. EU_REGULATION.' })
  @Prop()
  kind!: RegulationKind;

  @Field({ description: 'EU, or the ISO country code of a national law.' })
  @Prop()
  jurisdiction!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The CELEX number in EUR-Lex, e.g. 32016R0679.',
  })
  @Prop()
  celex!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where to read its text, e.g. on EUR-Lex; null when not recorded.',
  })
  @Prop()
  url!: string | null;
}
