CREATE TABLE "bureau"."downloads" (
	"id" serial PRIMARY KEY NOT NULL,
	"isp_id" text NOT NULL,
	"file_name" text NOT NULL,
	"xml" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bureau"."filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"isp_id" text NOT NULL,
	"upload_id" integer NOT NULL,
	"record_id" text NOT NULL,
	"message_type" text NOT NULL,
	"province" text NOT NULL,
	"status" text NOT NULL,
	"record" jsonb NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"subject_icp_number" text,
	"outcome_code" integer,
	"outcome_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bureau"."icp_serials" (
	"province" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "icp_serials_province_year_pk" PRIMARY KEY("province","year")
);
--> statement-breakpoint
CREATE TABLE "bureau"."password_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"filing_number" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bureau"."sms_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"mobile" text NOT NULL,
	"roles" text NOT NULL,
	"certificate_numbers" jsonb NOT NULL,
	"code" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"resend_at" timestamp with time zone,
	"resent_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bureau"."sms_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"mobile" text NOT NULL,
	"sender" text NOT NULL,
	"carrier" text NOT NULL,
	"text" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bureau"."uploads" (
	"id" serial PRIMARY KEY NOT NULL,
	"isp_id" text NOT NULL,
	"data_sequence" integer NOT NULL,
	"file_name" text NOT NULL,
	"beian_info_hash" text NOT NULL,
	"message_type" text NOT NULL,
	"xml" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bureau"."registry" ADD COLUMN "filing_id" uuid;--> statement-breakpoint
ALTER TABLE "bureau"."registry" ADD COLUMN "filing_password_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "downloads_file_name_idx" ON "bureau"."downloads" USING btree ("file_name");--> statement-breakpoint
CREATE INDEX "downloads_pending_idx" ON "bureau"."downloads" USING btree ("isp_id","acked_at");--> statement-breakpoint
CREATE INDEX "filings_status_idx" ON "bureau"."filings" USING btree ("status");--> statement-breakpoint
CREATE INDEX "filings_record_idx" ON "bureau"."filings" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "password_checks_number_idx" ON "bureau"."password_checks" USING btree ("filing_number","checked_at");--> statement-breakpoint
CREATE INDEX "sms_codes_filing_idx" ON "bureau"."sms_codes" USING btree ("filing_id");--> statement-breakpoint
CREATE INDEX "sms_codes_mobile_idx" ON "bureau"."sms_codes" USING btree ("mobile");--> statement-breakpoint
CREATE INDEX "sms_messages_mobile_idx" ON "bureau"."sms_messages" USING btree ("mobile");--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_isp_seq_idx" ON "bureau"."uploads" USING btree ("isp_id","data_sequence");