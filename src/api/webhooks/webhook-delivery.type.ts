import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { WebhookAttempt } from './webhook-attempt.type';
import {
  type DeliveryStatus,
  DeliveryStatusEnum,
  type WebhookEvent,
  WebhookEventEnum,
} from './webhooks.enums';

@ObjectType({
  description:
    'One event sent to a webhook, with every attempt: the id is the X-GDPR-Graph-Delivery header, the same in every retry.',
})
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => WebhookEventEnum)
  event!: WebhookEvent;

  @Field({ description: 'True for a delivery sent by testWebhook, with example data.' })
  test!: boolean;

  @Field(() => DeliveryStatusEnum)
  status!: DeliveryStatus;

  @Field(() => DateTimeResolver)
  createdAt!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the next attempt is due, while the delivery is PENDING.',
  })
  nextAttemptAt!: string | null;

  @Field(() => [WebhookAttempt], { description: 'Oldest first.' })
  attempts!: WebhookAttempt[];
}
