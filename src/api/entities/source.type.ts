import { Field, ID, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { DatePrecisionEnum, SourceKindEnum } from '../common/enums';
import type { DatePrecision, SourceKind } from '../../graph/model';
import { partialDate } from './conditions';
import { Computed } from '../translate/fields/computed-field';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({
  description: 'A document a statement rests on: a policy version, a news report, a decision.',
  simpleResolvers: true,
})
@Projected()
export class Source {
  @Field(() => ID, { description: 'The source\'s id, e.g. "src-linforme-2025-mistral-complaint".' })
  @Prop()
  id!: string;

  @Field({ description: 'Where it is published: an http or https URL.' })
  @Prop()
  url!: string;

  @Field({ description: 'Who published it, e.g. "CNIL" or "L\'Informé".' })
  @Prop()
  publisher!: string;

  @Field({ description: 'Its title, as published.' })
  @Prop()
  title!: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'When it was published, to the day, month or year, as the source shows it; null when the page prints no date (such a source is only cited beside a dated one).',
  })
  @Computed((s) => partialDate(s.node, 'publishedAt'))
  publishedAt!: string | null;

  @Field(() => DatePrecisionEnum, {
    nullable: true,
    description: 'How precisely `publishedAt` is known: DAY, MONTH or YEAR; null when undated.',
  })
  @Prop()
  publishedAtPrecision!: DatePrecision | null;

  @Field(() => SourceKindEnum, { description: 'What kind of document it is.' })
  @Prop()
  kind!: SourceKind;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 language code.' })
  @Prop()
  language!: string | null;

  @Field(() => String, { nullable: true, description: "A curator's note on the source." })
  @Prop()
  note!: string | null;
}
