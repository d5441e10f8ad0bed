package dev.tollgate.iac.terraform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dev.tollgate.iac.terraform.Fn.arity;
import static dev.tollgate.iac.terraform.Fn.deep;
import static dev.tollgate.iac.terraform.Fn.shallow;
import static dev.tollgate.iac.terraform.Values.toStr;

/** JSON, base64, hashes, URL encoding, and the identity functions {@code sensitive}/{@code nonsensitive}. */
final class EncodingFunctions {
    private EncodingFunctions() {
    }

    static void register(Map<String, Fn> f) {
        f.put("jsonencode", deep(args -> {
            arity(args, 1, 1);
            return Json.encode(args.get(0));
        }));
        f.put("jsondecode", deep(args -> Json.decode(str1(args))));
        f.put("base64encode", deep(args -> Values.checkString(
                Base64.getEncoder().encodeToString(str1(args).getBytes(StandardCharsets.UTF_8)))));
        f.put("base64decode", deep(args -> {
            byte[] bytes = Base64.getDecoder().decode(str1(args));
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new EvalException("base64decode: the result is not UTF-8");
            }
        }));
        f.put("md5", deep(args -> hash("MD5", str1(args))));
        f.put("sha1", deep(args -> hash("SHA-1", str1(args))));
        f.put("sha256", deep(args -> hash("SHA-256", str1(args))));
        f.put("sha512", deep(args -> hash("SHA-512", str1(args))));
        f.put("urlencode", deep(args -> java.net.URLEncoder.encode(str1(args), StandardCharsets.UTF_8)
                .replace("+", "%20")));
        f.put("sensitive", shallow(args -> {
            arity(args, 1, 1);
            return args.get(0);
        }));
        f.put("nonsensitive", shallow(args -> {
            arity(args, 1, 1);
            return args.get(0);
        }));
    }

    private static String str1(List<Object> args) {
        arity(args, 1, 1);
        return toStr(args.get(0));
    }

    private static String hash(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new EvalException(algorithm + " unavailable");
        }
    }
}
