CREATE TABLE "personal_data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"wrapped" text NOT NULL,
	"active_from" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_data_sweeps" (
	"name" text PRIMARY KEY NOT NULL,
	"finished_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "principal_mobile_hash" text;--> statement-breakpoint
CREATE INDEX "subjects_principal_mobile_idx" ON "subjects" USING btree ("principal_mobile_hash");