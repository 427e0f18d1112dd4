import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import type { IncidentKind } from '../../graph/model';
import { PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { IncidentKindEnum } from '../common/enums';
import { KnownAtField } from '../common/known-at';

@InputType({
  description:
    'Which incidents to list; every given condition must hold. A company, authority, provision or regulation the graph does not hold is NOT_FOUND, not an empty page.',
})
export class IncidentFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Cites this provision or one of its parts: a citation ("Art. 12", "DMA Art. 5(2)") or an id ("gdpr-12").',
  })
  provision?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Cites a provision of this regulation: its id or a name people use, e.g. "gdpr", "GDPR", "RGPD", "dma", "AI Act".',
  })
  regulation?: string | null;

  @Field(() => ID, { nullable: true, description: 'Brought before this authority, e.g. "cnil".' })
  authority?: string | null;

  @Field(() => ID, { nullable: true, description: 'Against this company, e.g. "mistral-ai".' })
  company?: string | null;

  @Field(() => IncidentKindEnum, { nullable: true, description: 'Of this kind, e.g. FINE.' })
  kind?: IncidentKind | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'On or after this date (an incident known to the month counts from its first day).',
  })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or before this date.' })
  to?: string | null;
}

@ArgsType()
export class IncidentsArgs extends PageArgs {
  @KnownAtField()
  knownAt?: Date | null;

  @Field(() => IncidentFilter, {
    nullable: true,
    description: 'Conditions the incidents must meet; every incident when omitted.',
  })
  filter?: IncidentFilter | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      'For polling: only incidents recorded after this instant, in the order they were recorded (oldest first).',
  })
  recordedAfter?: Date | null;
}
