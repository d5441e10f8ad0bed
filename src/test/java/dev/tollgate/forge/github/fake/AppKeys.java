package dev.tollgate.forge.github.fake;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.List;

/** RSA keys for a fake GitHub App, with the private half as the PKCS#1 PEM that GitHub issues. */
public final class AppKeys {

    private AppKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("RSA").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RSAPrivateKey ::= SEQUENCE { 0, n, e, d, p, q, dp, dq, qinv } (RFC 8017), written independently of main code. */
    public static String pkcs1Pem(RSAPrivateCrtKey k) {
        ByteArrayOutputStream seq = new ByteArrayOutputStream();
        for (BigInteger v : List.of(BigInteger.ZERO, k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient())) {
            der(seq, 0x02, v.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        der(out, 0x30, seq.toByteArray());
        return "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(out.toByteArray())
                + "\n-----END RSA PRIVATE KEY-----\n";
    }

    private static void der(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        int n = content.length;
        if (n < 128) {
            out.write(n);
        } else if (n < 256) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
    }
}
