import { EmailButton, EmailLayout, EmailText } from '@/lib/email/templates/layout';

/** A small mail for the outbox tests: a greeting and, when given, a button to `url`. */
export function Sample({ url, name }: { url?: string; name: string }) {
  return (
    <EmailLayout preview="A test" heading="Test mail">
      <EmailText>Hello {name}</EmailText>
      {url ? <EmailButton href={url}>Open</EmailButton> : null}
    </EmailLayout>
  );
}

/** A mail with nothing but a body line. */
export function Plain() {
  return (
    <EmailLayout preview="p" heading="h">
      body
    </EmailLayout>
  );
}
