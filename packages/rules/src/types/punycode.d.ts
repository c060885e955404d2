// The userland punycode package (the Node built-in of the same name is deprecated and absent
// in browsers); only the two functions used here are declared.
declare module "punycode/punycode.js" {
  const punycode: { toASCII(domain: string): string; toUnicode(domain: string): string };
  export default punycode;
}
