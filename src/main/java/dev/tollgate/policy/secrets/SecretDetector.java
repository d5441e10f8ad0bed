package dev.tollgate.policy.secrets;

import dev.tollgate.iac.SourceFile;

import java.util.List;

/**
 * Finds embedded secrets in any text file with high confidence: known token formats, checked by structure
 * (and entropy where the format alone is weak); never a variable reference, an interpolation or an obvious
 * placeholder.
 */
public final class SecretDetector {

    public List<SecretHit> scan(SourceFile file) {
        throw new UnsupportedOperationException("secret detector not written yet");
    }
}
