import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type * as React from 'react';

// The frame every portal mail shares: a preview line, a heading, the body and a footer.
// Templates live beside this file (`lib/email/templates/<kebab-name>.tsx`), each exporting a
// component and a `subject` helper, and are queued with `queueEmail` from `@/lib/email/outbox`.

const PRODUCT = 'Agency Portal';

const styles = {
  body: {
    backgroundColor: '#f4f4f5',
    fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
    margin: 0,
    padding: '24px 0',
  },
  container: {
    backgroundColor: '#ffffff',
    border: '1px solid #e4e4e7',
    borderRadius: '8px',
    margin: '0 auto',
    maxWidth: '560px',
    padding: '32px',
  },
  brand: { color: '#71717a', fontSize: '13px', fontWeight: 600, letterSpacing: '0.02em', margin: '0 0 16px' },
  heading: { color: '#18181b', fontSize: '22px', fontWeight: 700, lineHeight: '1.3', margin: '0 0 16px' },
  button: {
    backgroundColor: '#18181b',
    borderRadius: '6px',
    color: '#ffffff',
    display: 'inline-block',
    fontSize: '15px',
    fontWeight: 600,
    padding: '12px 20px',
    textDecoration: 'none',
  },
  hr: { borderColor: '#e4e4e7', margin: '24px 0' },
  footer: { color: '#71717a', fontSize: '12px', lineHeight: '1.5', margin: 0 },
  text: { color: '#27272a', fontSize: '15px', lineHeight: '1.6', margin: '0 0 16px' },
} satisfies Record<string, React.CSSProperties>;

export type EmailLayoutProps = {
  /** The line mail clients show after the subject. */
  preview: string;
  heading: string;
  children: React.ReactNode;
  /** Replaces the default footer line. */
  footer?: React.ReactNode;
};

export function EmailLayout({ preview, heading, children, footer }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{PRODUCT}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            {footer ?? `You received this email because of your ${PRODUCT} account.`}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A paragraph in the portal's mail style. */
export function EmailText({ children }: { children: React.ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** The call to action. `href` must be an absolute URL built from APP_URL (see `appUrl()`). */
export function EmailButton({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Section style={{ margin: '8px 0 24px' }}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}
