import { Field, ObjectType } from 'type-graphql';
import { Webhook } from './webhook.type';

@ObjectType({ description: 'A webhook just registered, with its secret.' })
export class WebhookRegistration {
  @Field(() => Webhook, { description: 'The webhook registered.' })
  webhook!: Webhook;

  @Field({
    description:
      'The key of the HMAC-SHA256 signature of every delivery (X-GDPR-Graph-Signature). Shown only now: store it.',
  })
  secret!: string;
}
