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
  @Field(() => ID, {
    description: "The X-GDPR-Graph-Delivery header and the body's `id`: the same in every retry.",
  })
  id!: string;

  @Field(() => WebhookEventEnum, { description: 'The event it tells of.' })
  event!: WebhookEvent;

  @Field({ description: 'True for a delivery sent by testWebhook, with example data.' })
  test!: boolean;

  @Field(() => DeliveryStatusEnum, { description: 'PENDING, SUCCEEDED or FAILED.' })
  status!: DeliveryStatus;

  @Field(() => DateTimeResolver, {
    description: "When it was queued (ISO 8601): the body's `createdAt`.",
  })
  createdAt!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the next attempt is due, while the delivery is PENDING.',
  })
  nextAttemptAt!: string | null;

  @Field(() => [WebhookAttempt], { description: 'Oldest first.' })
  attempts!: WebhookAttempt[];
}
