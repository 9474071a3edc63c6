/// Small grammar for text output: plurals and articles, decided in one place.
enum Words {
    /// "1 shot", "2 shots": the noun agrees with the count.
    static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// `shown` (the count as printed) with the noun agreeing: singular when it rounds to 1.
    static func count(_ value: Double, _ shown: String, _ singular: String, plural: String? = nil) -> String {
        shown + " " + (value.rounded() == 1 ? singular : plural ?? singular + "s")
    }

    /// "a" or "an" before a number as printed, by how it is read aloud: "an 8k limit",
    /// "an 11k limit", "a 16k limit", "an 18,000-token reserve".
    static func article(before number: String) -> String {
        let digits = number.prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
        guard let first = digits.first else { return "a" }
        if first == "8" { return "an" }
        // Eleven and eighteen, alone or leading a group of thousands (11,000, 18k).
        let lead = digits.prefix(2)
        return (lead == "11" || lead == "18") && (digits.count == 2 || digits.count == 5) ? "an" : "a"
    }
}
