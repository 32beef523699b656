/// A count with its noun in the right number: `1 book`, `2 books`, `1 file skipped`.
public enum Counted {
    /// `count` and `noun`, made plural with an `s` unless `plural` is given.
    public static func text(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }
}
