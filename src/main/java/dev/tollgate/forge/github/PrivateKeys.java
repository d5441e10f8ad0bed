package dev.tollgate.forge.github;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads a GitHub App private key. GitHub hands out PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) files, which the
 * JDK cannot read directly, so they are wrapped into a PKCS#8 PrivateKeyInfo here (plain DER, no extra library).
 */
public final class PrivateKeys {

    private static final String PKCS1 = "RSA PRIVATE KEY";
    private static final String PKCS8 = "PRIVATE KEY";
    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM_ID = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PrivateKeys() {
    }

    /** {@code pemOrPath} is the PEM text itself, or the path of a file holding it. */
    public static PrivateKey read(String pemOrPath) throws IOException, GeneralSecurityException {
        String pem = pemOrPath.contains("-----BEGIN") ? pemOrPath : readFile(pemOrPath.trim());
        return parse(pem);
    }

    static PrivateKey parse(String pem) throws GeneralSecurityException {
        if (pem.contains("ENCRYPTED")) {
            throw new GeneralSecurityException("encrypted private keys are not supported: give the key as GitHub issued it");
        }
        byte[] pkcs8;
        if (pem.contains("-----BEGIN " + PKCS1 + "-----")) {
            pkcs8 = wrapPkcs1(body(pem, PKCS1));
        } else if (pem.contains("-----BEGIN " + PKCS8 + "-----")) {
            pkcs8 = body(pem, PKCS8);
        } else {
            throw new GeneralSecurityException("no 'BEGIN RSA PRIVATE KEY' or 'BEGIN PRIVATE KEY' block in the key");
        }
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static String readFile(String path) throws IOException {
        Path file = Path.of(path);
        if (Files.size(file) > 64 * 1024) {
            throw new IOException("private key file too large: " + path);
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    private static byte[] body(String pem, String label) throws GeneralSecurityException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end, from);
        if (to < 0) {
            throw new GeneralSecurityException("PEM block '" + label + "' has no END line");
        }
        String base64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("PEM block '" + label + "' is not valid base64", e);
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version INTEGER 0, algorithm AlgorithmIdentifier, privateKey OCTET STRING }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
        inner.writeBytes(RSA_ALGORITHM_ID);
        writeTagged(inner, 0x04, pkcs1);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        writeTagged(outer, 0x30, inner.toByteArray());
        return outer.toByteArray();
    }

    private static void writeTagged(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
    }
}
