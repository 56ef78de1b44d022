import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signedHeaders } from './signing';

describe('webhook signatures', () => {
  const body = JSON.stringify({ type: 'task.assigned', data: { taskId: 't' } });

  it('verify with the library, with either secret during a rotation', () => {
    const [old, current] = [newWebhookSecret(), newWebhookSecret()];
    expect(old).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = signedHeaders('msg-1', new Date(), body, [current, old]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(old).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('refuse a tampered body, another secret and an old timestamp', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders('msg-1', new Date(), body, [secret]);
    expect(() => new Webhook(secret).verify(body.replace('assigned', 'withdrawn'), headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    const stale = signedHeaders('msg-1', new Date(Date.now() - 3_600_000), body, [secret]);
    expect(() => new Webhook(secret).verify(body, stale)).toThrow();
  });
});
