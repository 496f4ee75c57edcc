import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate, webcrypto } from 'node:crypto';

/**
 * The host's own TLS identity: a key pair it makes for itself the first time host mode is switched on,
 * and a self-signed certificate that desks pin at pairing (no authority is trusted: the pin is the trust).
 * Both live in `<ledger>.host/`, readable by this user only, like the ledger's key slots: they must be
 * readable before the ledger is unsealed, since desks connect to sign in.
 */
export interface HostIdentity {
  key: string;
  cert: string;
  /** SHA-256 of the certificate's DER, as colon-separated hex: what desks pin. */
  fingerprint: string;
}

export const hostDirFor = (ledgerPath: string) => `${ledgerPath}.host`;

export function fingerprintOf(certPem: string | Buffer): string {
  return new X509Certificate(certPem).fingerprint256;
}

export function ensureHostDir(ledgerPath: string): string {
  const dir = hostDirFor(ledgerPath);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}

export function writePrivate(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Loads the host's identity, making it on first use. */
export async function hostIdentity(ledgerPath: string): Promise<HostIdentity> {
  const dir = ensureHostDir(ledgerPath);
  const keyFile = path.join(dir, 'tls-key.pem');
  const certFile = path.join(dir, 'tls-cert.pem');
  if (!fs.existsSync(keyFile) || !fs.existsSync(certFile)) {
    const made = await makeIdentity();
    writePrivate(keyFile, made.key);
    writePrivate(certFile, made.cert);
  }
  const cert = fs.readFileSync(certFile, 'utf8');
  return { key: fs.readFileSync(keyFile, 'utf8'), cert, fingerprint: fingerprintOf(cert) };
}

async function makeIdentity(): Promise<{ key: string; cert: string }> {
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(12))).toString('hex'),
    name: 'CN=Linli host',
    notBefore: new Date(now - 86_400_000),
    // Pinned, not chained: expiry would only lock the office out one day, so it is far away.
    notAfter: new Date(now + 30 * 365 * 86_400_000),
    keys,
    signingAlgorithm: alg,
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'linli-host' }])],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  return { key: `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`, cert: cert.toString('pem') };
}
