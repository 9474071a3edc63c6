/// "Did you mean" for mistyped names and flags: the closest candidate; the program words the hint.
public enum Suggestions {
    /// The candidate closest to `input` by edit distance (case-insensitive) among those close
    /// enough to be a likely typo: at most a third of the longer name's characters apart (and
    /// always 2). The first of equally close candidates wins.
    ///
    /// Bounded work whatever is typed: a word more than twice as long as the longest candidate
    /// cannot be within a third of its length of any, so it is rejected after reading only that
    /// many characters; otherwise each distance is computed in a band as wide as the candidate's
    /// limit and abandoned as soon as the limit is passed.
    public static func closest(to input: String, among candidates: [String]) -> String? {
        let longest = candidates.lazy.map(\.count).max() ?? 0
        // len(a) - len(b) > max(2, len(a) / 3) for every candidate once len(a) > 2 x longest + 3.
        let cutoff = 2 * longest + 3
        guard input.prefix(cutoff + 1).count <= cutoff else { return nil }
        let key = Array(input.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            let limit = min(max(2, max(key.count, other.count) / 3), (best?.distance ?? .max) - 1)
            if let distance = editDistance(key, other, atMost: limit) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance if it is at most `limit`, else nil. Only cells within `limit` of the
    /// diagonal can lead to such a distance (Ukkonen), so the work is O(limit x length).
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let beyond = limit + 1
        // Cells outside the band hold `beyond`: as good as infinite for a distance capped at limit.
        var previous = (0...b.count).map { Swift.min($0, beyond) }
        var current = [Int](repeating: beyond, count: b.count + 1)
        for i in 1...a.count {
            let low = Swift.max(1, i - limit)
            let high = Swift.min(b.count, i + limit)
            current[0] = Swift.min(i, beyond)
            if low > 1 { current[low - 1] = beyond }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    let value = Swift.min(substitution, previous[j] + 1, current[j - 1] + 1, beyond)
                    current[j] = value
                    rowMinimum = Swift.min(rowMinimum, value)
                }
            }
            if high < b.count { current[high + 1] = beyond }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
