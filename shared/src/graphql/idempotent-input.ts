import { Field, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY_HOURS } from '../idempotency';

/** What every mutation input accepts: a key that makes a retry safe. */
@InputType()
export abstract class IdempotentInput {
  @Field(() => String, {
    nullable: true,
    description: `A unique string of the client's (1 to 200 of A-Z a-z 0-9 . _ : -): a retry with the same key and input returns the first result without writing again; the same key with other input answers CONFLICT. Kept ${IDEMPOTENCY_KEY_HOURS} hours, per user.`,
  })
  idempotencyKey?: string | null;
}
