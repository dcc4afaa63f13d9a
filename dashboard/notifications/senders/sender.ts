import type { NotificationsConfig } from '../../../config/notification-schema.ts';
import type { DeliveryChannel, DeliveryPayload } from '../../../warehouse/schema.ts';
import { createMailer, type Mailer } from './email.ts';
import { DeliveryError } from './post-json.ts';
import { sendDingtalk, sendWecom } from './robots.ts';
import { sendWebhook } from './webhook.ts';

/** What a sender gets of a queued delivery. */
export interface Notice {
  id: number;
  channel: DeliveryChannel;
  recipient: string;
  subject: string;
  body: string;
  payload: DeliveryPayload;
}

export interface Senders {
  /** Sends one notice; throws DeliveryError (or anything) when it did not go out. */
  send(notice: Notice, now: Date): Promise<void>;
  close(): void;
}

/** Routes each notice to its channel, finding the address and secret of its recipient in the configuration. */
export function createSenders(config: NotificationsConfig): Senders {
  let mailer: Mailer | undefined;
  const timeout = config.timeout_ms;
  return {
    async send(notice, now) {
      if (notice.channel === 'email') {
        const person = config.people.find((p) => p.name === notice.recipient);
        if (!person) throw new DeliveryError(`no person "${notice.recipient}" in notifications.people any more`);
        if (!config.smtp) throw new DeliveryError('notifications.smtp is not configured');
        mailer ??= createMailer(config.smtp, timeout);
        return mailer.send(person.email, notice);
      }
      const channel = config.channels.find((c) => c.id === notice.recipient && c.kind === notice.channel);
      if (!channel?.url) throw new DeliveryError(`no ${notice.channel} channel "${notice.recipient}" in notifications.channels any more`);
      if (channel.kind === 'wecom') return sendWecom(channel.url, notice, timeout);
      if (channel.kind === 'dingtalk') return sendDingtalk(channel.url, channel.secret, notice, timeout, now);
      if (!channel.secret) throw new DeliveryError(`webhook channel "${channel.id}" has no secret`);
      return sendWebhook(channel.url, channel.secret, notice, timeout, now);
    },
    close: () => mailer?.close(),
  };
}
