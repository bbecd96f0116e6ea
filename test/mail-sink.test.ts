/** The embedded mail sink survives clients that reset their connection mid-transaction. */
import net from 'node:net';
import { MailSink } from '../infra/embedded/mail-sink';

/** EHLO, MAIL FROM, then a TCP reset: smtp-server reports it as an 'error' of the server. */
function resetMidTransaction(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let replies = 0;
    socket.on('data', () => {
      replies += 1;
      if (replies === 1) socket.write('EHLO client\r\n');
      else if (replies === 2) socket.write('MAIL FROM:<a@example.org>\r\n');
      else if (replies === 3) {
        socket.resetAndDestroy();
        setTimeout(resolve, 200);
      }
    });
    socket.on('error', () => undefined);
  });
}

test('three connection resets in a row: reported, and the sink still accepts mail', async () => {
  const errors: Error[] = [];
  const sink = await MailSink.start({ port: 0, onError: (err) => errors.push(err) });
  try {
    const port = Number(new URL(sink.smtpUrl).port);
    for (let i = 0; i < 3; i++) await resetMidTransaction(port);
    expect(errors).toHaveLength(3);
    const { createSmtpMailer } = await import('../infra/mailer');
    const mailer = createSmtpMailer({ smtpUrl: sink.smtpUrl, from: 'liaison@donggang.example' });
    await mailer.send({
      to: 'li@example.org',
      subject: '测试',
      text: '仍可收信',
      messageId: '<still@donggang.example>',
    });
    mailer.close();
    expect(sink.messages().map((m) => m.messageId)).toContain('<still@donggang.example>');
  } finally {
    await sink.close();
  }
});
