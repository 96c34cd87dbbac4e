import nodemailer, { type Transporter } from "nodemailer";

/**
 * Outgoing email, when an SMTP server is configured: SMTP_URL (e.g.
 * smtp://user:pass@mail.example.com:587) and optionally SMTP_FROM. Without
 * SMTP_URL nothing is sent and the app shows the same content on its pages.
 */
let cached: { url: string; transport: Transporter } | undefined;

export function mailer(): Transporter | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

export const mailFrom = () => process.env.SMTP_FROM ?? "Pulseboard <no-reply@pulseboard.local>";

/** The app's public address for links in emails. */
export const appUrl = () => (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
