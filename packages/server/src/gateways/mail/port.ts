export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per notification: a receiver (or we) can recognise a repeat after a crash. */
  messageId: string;
}

/** Sends email. `kind` tells the admin page where mail goes. */
export interface MailSender {
  readonly kind: "smtp" | "outbox";
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
