import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  to: string;
  body: string;
}

/**
 * A real SMTP server on a free local port that keeps what it receives, with
 * SMTP_URL pointing at it until `stop`: the app's own mail path, end to end.
 */
export async function startTestSmtp() {
  const mails: CaughtMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (c: Buffer) => (body += c.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  return {
    mails,
    stop: async () => {
      delete process.env.SMTP_URL;
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
