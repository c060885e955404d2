CREATE TABLE "notification_opt_outs" (
	"user_id" uuid NOT NULL,
	"template" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_opt_outs_user_id_template_pk" PRIMARY KEY("user_id","template")
);
--> statement-breakpoint
CREATE TABLE "notification_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"filing_id" uuid NOT NULL,
	"submission" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "notification_template_overrides" (
	"key" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"sms" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_sla_alerts" (
	"filing_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"alerted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_sla_alerts_filing_id_due_at_pk" PRIMARY KEY("filing_id","due_at")
);
--> statement-breakpoint
ALTER TABLE "notification_opt_outs" ADD CONSTRAINT "notification_opt_outs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reminders" ADD CONSTRAINT "notification_reminders_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_template_overrides" ADD CONSTRAINT "notification_template_overrides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_sla_alerts" ADD CONSTRAINT "review_sla_alerts_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_reminders_once" ON "notification_reminders" USING btree ("filing_id","kind","submission");--> statement-breakpoint
CREATE INDEX "notification_reminders_due_idx" ON "notification_reminders" USING btree ("due_at") WHERE fired_at is null;