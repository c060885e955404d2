/** A multipart/form-data body built by hand, fields first, as the web app sends it. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; type: string; data: Buffer },
  headers: Record<string, string> = {},
) {
  const boundary = `----beian${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` } };
}
