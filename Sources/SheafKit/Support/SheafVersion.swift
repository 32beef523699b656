/// Sheaf's version, as `sheaf --version` prints it: the one place it is written.
public enum SheafVersion {
    /// The version, `MAJOR.MINOR.PATCH`.
    public static let current = "0.9.0"
}
