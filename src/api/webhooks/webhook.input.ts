import { Field, ID, InputType } from 'type-graphql';
import { FindingKindEnum } from '../findings/findings.type';
import type { FindingKind } from '../findings/findings.rules';
import { type WebhookEvent, WebhookEventEnum } from './webhooks.enums';

@InputType({ description: 'A webhook to register.' })
export class WebhookInput {
  @Field({
    description: 'An http or https URL, at most 2048 characters, with no user name or password.',
  })
  url!: string;

  @Field(() => [WebhookEventEnum], { description: 'At least one.' })
  events!: WebhookEvent[];

  @Field(() => [ID], {
    nullable: true,
    description:
      'Only incidents against, and findings of, these companies (ids; at most 100). Omitted or empty: every company.',
  })
  companies?: string[] | null;

  @Field(() => [FindingKindEnum], {
    nullable: true,
    description:
      'Only changes of findings of these rules (findingsChanged). Omitted or empty: every rule.',
  })
  findingKinds?: FindingKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'A note for yourself, at most 200 characters.',
  })
  description?: string | null;
}
