/** The shape of the generated demo PKI (demo-pki.ts). Every string is PEM. */

export interface DemoCertificate {
  /** The certificate, one PEM CERTIFICATE block. */
  certPem: string;
}

export interface DemoCredential extends DemoCertificate {
  /** Its private key, one PEM PRIVATE KEY block (PKCS#8, RFC 5208 / RFC 7468 §10). */
  keyPem: string;
}

export interface DemoLeaf extends DemoCredential {
  /** What a server sends in its Certificate message: the leaf, then its issuer if not a root. */
  chainPem: string;
}

export interface DemoPki {
  /**
   * "Wirestep Demo Root CA", the trust anchor the app and the CLI ship with. The CA keys are in
   * pem/ only: nothing at run time issues certificates.
   */
  root: DemoCertificate;
  /** "Wirestep Demo Intermediate CA", pathLen 0, signed by the root; it signs every leaf. */
  intermediate: DemoCertificate;
  leaves: {
    /** RSA-2048 for www.example.com, example.com, localhost, 127.0.0.1. */
    rsa: DemoLeaf;
    /** ECDSA P-256 for the same names. */
    ecdsa: DemoLeaf;
    /** RSA-2048 for *.example.org and example.org. */
    wildcard: DemoLeaf;
    // Each leaf below has exactly one defect; otherwise it is like `rsa`, whose key it shares.
    /** Valid 2020-01-01 to 2021-01-01. */
    expired: DemoLeaf;
    /** Valid 2040-01-01 to 2045-01-01. */
    notYetValid: DemoLeaf;
    /** Names only www.example.net. */
    wrongHost: DemoLeaf;
    /** Signed by its own key; no CA vouches for it. chainPem is the leaf alone. */
    selfSigned: DemoLeaf;
    /** keyUsage keyEncipherment only: the key may not sign a ServerKeyExchange. */
    noDigitalSignature: DemoLeaf;
  };
  /** A man in the middle: its own root, and a leaf for www.example.com signed directly by it. */
  rogue: {
    root: DemoCertificate;
    /** chainPem is the leaf followed by the rogue root, as an intercepting proxy would send. */
    leaf: DemoLeaf;
  };
}
