CREATE SCHEMA "bureau";
--> statement-breakpoint
CREATE TABLE "bureau"."registry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_name" text NOT NULL,
	"subject_nature" text NOT NULL,
	"certificate_type" text NOT NULL,
	"certificate_number" text NOT NULL,
	"subject_icp_number" text NOT NULL,
	"site_name" text NOT NULL,
	"site_icp_number" text NOT NULL,
	"domain" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "registry_domain_idx" ON "bureau"."registry" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "registry_cert_idx" ON "bureau"."registry" USING btree ("certificate_number");