import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { FindingKindEnum } from '../findings/findings.type';
import type { FindingKind } from '../findings/findings.rules';
import { type WebhookEvent, WebhookEventEnum } from './webhooks.enums';

@ObjectType({
  description:
    'A URL that the API calls when something happens, registered with an API key and seen only with that key. Its secret is shown once, when it is registered.',
})
export class Webhook {
  @Field(() => ID, { description: "The webhook's id (a UUID)." })
  id!: string;

  @Field({ description: 'Where deliveries are POSTed.' })
  url!: string;

  @Field(() => [WebhookEventEnum], { description: 'The events it is called on.' })
  events!: WebhookEvent[];

  @Field(() => [ID], {
    description:
      'Only incidents against, and findings of, these companies (incidentRecorded, findingsChanged); empty: every company.',
  })
  companies!: string[];

  @Field(() => [FindingKindEnum], {
    description: 'Only changes of findings of these rules (findingsChanged); empty: every rule.',
  })
  findingKinds!: FindingKind[];

  @Field(() => String, {
    nullable: true,
    description: 'Your note on it, as registered; null when none was given.',
  })
  description!: string | null;

  @Field(() => DateTimeResolver, { description: 'When it was registered (ISO 8601).' })
  createdAt!: string;
}
