import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free loopback port, keeping every message it receives, parsed. */
export class MailReceiver {
  readonly mails: ParsedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData: (stream, _session, done) => {
      simpleParser(stream).then(
        (mail) => {
          this.mails.push(mail);
          done();
        },
        (error: Error) => done(error),
      );
    },
  });

  /** `SMTP_URL` for the services. */
  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  start(): Promise<void> {
    return new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
  }

  stop(): Promise<void> {
    return new Promise<void>((done) => this.server.close(() => done()));
  }
}
