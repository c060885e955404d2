CREATE TABLE "special_websites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"site_name" text NOT NULL,
	"domain" text NOT NULL,
	"icp_number" text NOT NULL,
	"holder" jsonb NOT NULL,
	"emergency_contact" jsonb NOT NULL,
	"documents" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"review_reason" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "special_websites" ADD CONSTRAINT "special_websites_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "special_websites_owner_domain" ON "special_websites" USING btree ("owner_id","domain");--> statement-breakpoint
CREATE INDEX "special_websites_status_idx" ON "special_websites" USING btree ("status","updated_at");