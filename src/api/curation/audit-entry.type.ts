import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../common/connection';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';

@ObjectType({ description: 'One write, as the audit trail records it.', simpleResolvers: true })
@Projected()
export class AuditEntry {
  @Field(() => ID, { description: "The audit entry's id (a UUID), as `auditId` fields give it." })
  @Prop()
  id!: string;

  @Field(() => DateTimeResolver, { description: 'When the write was made (ISO 8601).' })
  @Prop()
  at!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The API key that wrote; null for the seed command.',
  })
  @Prop()
  keyId!: string | null;

  @Field({
    description: 'ingestBundle, recordIncident, recordPractice, retract, approveProposal.',
  })
  @Prop()
  operation!: string;

  @Field({ description: 'Where the content came from.' })
  @Prop()
  source!: string;

  @Field({ description: 'Counts per label, as JSON.' })
  @Prop()
  counts!: string;

  @Field(() => [ID], {
    description: 'Ids of the entities it created, updated or retracted (at most the first 1000).',
  })
  @Prop()
  changedIds!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'approveProposal: the proposal written (keyId is the reviewer who approved it).',
  })
  @Prop()
  proposalId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'approveProposal: the key that proposed what was written.',
  })
  @Prop()
  proposerKeyId!: string | null;
}

export const AuditEntryConnection = Connection(() => AuditEntry, 'AuditEntry', 'audit entry');

@ArgsType()
export class AuditLogArgs extends PageArgs {}
