CREATE TABLE "province_overrides" (
	"province" text PRIMARY KEY NOT NULL,
	"overrides" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_reason_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"path" text,
	"message" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "subject_type" text;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "certificate_numbers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "review_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "province_overrides" ADD CONSTRAINT "province_overrides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "return_reason_templates_code_key" ON "return_reason_templates" USING btree ("code");--> statement-breakpoint
CREATE INDEX "filings_certificates_idx" ON "filings" USING gin ("certificate_numbers");--> statement-breakpoint
CREATE INDEX "filings_subject_name_idx" ON "filings" USING btree ("subject_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "filings_province_idx" ON "filings" USING btree ("province","status","submitted_at");--> statement-breakpoint
INSERT INTO "return_reason_templates" ("code", "path", "message", "position") VALUES
  ('ID_PHOTO_UNCLEAR', NULL, '证件照片不清晰或不完整，请重新拍摄证件原件，四角完整、文字清晰可读后上传。', 1),
  ('ID_EXPIRED', 'subject.certificate.validUntil', '证件已过有效期，请使用有效期内的证件。', 2),
  ('SITE_NAME_INVALID', 'websites.0.name', '网站名称不符合要求：不能使用域名、纯数字或与主体无关的名称，请按网站实际内容填写。', 3),
  ('DOMAIN_OWNER_MISMATCH', 'websites.0.domains.0', '域名持有者与备案主体不一致，请先将域名过户到主体名下，或更换域名。', 4),
  ('ADDRESS_INCOMPLETE', 'subject.address.detail', '通信地址不详细，请填写到门牌号（如：××路××号××室）。', 5),
  ('MOBILE_UNREACHABLE', 'subject.principal.mobile', '负责人手机号码无法接通，请填写本人可以接听的手机号码。', 6),
  ('PRE_APPROVAL_MISSING', 'websites.0.preApprovals', '网站内容涉及前置审批，请上传相应的前置审批文件。', 7),
  ('PHOTO_BACKGROUND', NULL, '核验照片背景不符合要求，请使用接入商提供的幕布拍摄，幕布需完整出现在照片中。', 8),
  ('PHOTO_FACE', NULL, '核验照片中人物面部不清晰，请摘下帽子、眼镜，正面免冠拍摄。', 9);
