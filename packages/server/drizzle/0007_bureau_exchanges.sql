CREATE TABLE "bureau_exchanges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"file_name" text NOT NULL,
	"filing_id" uuid,
	"message_type" text,
	"data_sequence" integer,
	"status" text NOT NULL,
	"detail" text,
	"xml" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bureau_exchanges" ADD CONSTRAINT "bureau_exchanges_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bureau_exchanges_download_file" ON "bureau_exchanges" USING btree ("file_name") WHERE direction = 'download';--> statement-breakpoint
CREATE INDEX "bureau_exchanges_filing_idx" ON "bureau_exchanges" USING btree ("filing_id","at");