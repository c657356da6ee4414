/** A PEM key and certificate for the HTTPS listener. */
export interface TlsMaterial {
  key: string;
  cert: string;
}

let cached: Promise<TlsMaterial> | undefined;

/**
 * A self-signed certificate for localhost/127.0.0.1/::1 (EC P-256: about 20 ms to make). It is its
 * own CA (basicConstraints cA), so clients trust it with `ca` or NODE_EXTRA_CA_CERTS. Made once per
 * process; `selfsigned` is imported only when HTTPS is used.
 */
export function loopbackCertificate(): Promise<TlsMaterial> {
  cached ??= (async () => {
    const { generate } = await import("selfsigned");
    const now = new Date();
    const pems = await generate([{ name: "commonName", value: "arm-emulator localhost" }], {
      keyType: "ec",
      curve: "P-256",
      algorithm: "sha256",
      notBeforeDate: new Date(now.getTime() - 3_600_000),
      notAfterDate: new Date(now.getTime() + 365 * 86_400_000),
      extensions: [
        { name: "basicConstraints", cA: true, critical: true },
        { name: "keyUsage", digitalSignature: true, keyCertSign: true, critical: true },
        { name: "extKeyUsage", serverAuth: true },
        {
          name: "subjectAltName",
          altNames: [
            { type: 2, value: "localhost" },
            { type: 7, ip: "127.0.0.1" },
            { type: 7, ip: "::1" },
          ],
        },
      ],
    });
    return { key: pems.private, cert: pems.cert };
  })();
  return cached;
}
