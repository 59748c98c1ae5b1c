CREATE TYPE "public"."token_purpose" AS ENUM('VERIFY', 'INVITE', 'EMAIL_CHANGE');--> statement-breakpoint
ALTER TABLE "email_verifications" ADD COLUMN "purpose" "token_purpose" DEFAULT 'VERIFY' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_verifications" ADD COLUMN "new_email" text;