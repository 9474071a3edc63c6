#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The records of an observations file with rows that read alike folded into one: a row is
/// known by the text of the cells a record is read from (task, model, compute, limits, prompt,
/// shots, score), and a row whose cells repeat an earlier row's adds to that record's count
/// instead of being read again. Per-instance 0/1 scores over a few hundred groups are a few
/// hundred such rows repeated, so ten million rows become a few hundred records, each keeping
/// the line of the first row it stands for.
///
/// Folding is exact: a record is a function of those cells' text alone, so the rows it stands
/// for are the same observation at different lines. A row with a cell that holds an escaped
/// quote is not folded (its text is not its bytes), nor any row once `capacity` distinct keys
/// are held: a file of distinct rows is then read as before.
struct RowFolder: Sendable {
    private(set) var records: [Observation] = []
    /// The columns a row is known by; none when folding is off.
    private let keyColumns: [Int]
    /// Per record, its key's place in `keys` and its hash; an empty range for a record not
    /// folded.
    private var keyRanges: [Range<Int>] = []
    private var hashes: [UInt64] = []
    private var keys: [UInt8] = []
    /// Open-addressed slots holding a record's index plus one (0: empty), at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var held = 0
    private var scratch: [UInt8] = []
    static let capacity = 1 << 20

    /// `keyColumns` empty: every row its own record, in order.
    init(keyColumns: [Int]) { self.keyColumns = keyColumns }

    /// Adds the row, read by `read` unless an earlier row had the same cells.
    mutating func add(_ row: CSVScanner.Record, read: (CSVScanner.Record) throws -> Observation) rethrows {
        // The row is hashed and compared in place; its key is copied out only when it is new.
        guard !keyColumns.isEmpty, let hash = hash(of: row) else {
            try append(read(row), key: nil)
            return
        }
        if let index = find(hash: hash, matching: { matches($0, row) }) {
            records[index].count += 1
            return
        }
        key(of: row)
        try append(read(row), key: (scratch, hash))
    }

    /// Adds the records `later` read from the rows after this one's: a record of the same key
    /// as one here adds its count to it, and the rest are appended in order.
    mutating func absorb(_ later: RowFolder) {
        for (index, record) in later.records.enumerated() {
            let range = later.keyRanges[index]
            guard !range.isEmpty else {
                append(record, key: nil)
                continue
            }
            let key = Array(later.keys[range])
            let hash = later.hashes[index]
            let found = find(hash: hash) { stored in
                stored.count == key.count && key.withUnsafeBufferPointer { RowFolder.equal(stored, $0) }
            }
            if let known = found {
                records[known].count += record.count
            } else {
                append(record, key: (key, hash))
            }
        }
    }

    /// A key is each key cell as its length (a byte; 255 and four more past 254) and its
    /// bytes: unambiguous, and the same text always the same key.
    private func cells(_ row: CSVScanner.Record, _ body: (Int, UnsafeBufferPointer<UInt8>?) -> Void) -> Bool {
        for column in keyColumns {
            guard column < row.count else {
                body(0, nil)
                continue
            }
            guard let bytes = row.plainBytes(column) else { return false }
            body(bytes.count, bytes)
        }
        return true
    }

    /// The row's key's hash: FNV-1a's multiply over each cell's length and its bytes eight at
    /// a time, each step's high bits folded down (a row is hashed for every one of ten million
    /// rows; byte by byte took a tenth of the reading). Nil when a cell's bytes are not its text.
    private func hash(of row: CSVScanner.Record) -> UInt64? {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        @inline(__always) func mix(_ word: UInt64) {
            h = (h ^ word) &* 0x100_0000_01B3
            h ^= h >> 29
        }
        let whole = cells(row) { length, bytes in
            mix(UInt64(length))
            guard let bytes, let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= bytes.count {
                mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            var tail: UInt64 = 0
            while i < bytes.count {
                tail = tail << 8 | UInt64(bytes[i])
                i += 1
            }
            mix(tail)
        }
        return whole ? h : nil
    }

    @inline(__always)
    private static func lengthBytes(_ length: Int, _ body: (UInt8) -> Void) {
        guard length >= 255 else { return body(UInt8(length)) }
        body(255)
        for shift in [24, 16, 8, 0] { body(UInt8(truncatingIfNeeded: length >> shift)) }
    }

    /// The row's key into `scratch`.
    private mutating func key(of row: CSVScanner.Record) {
        var key: [UInt8] = []
        swap(&key, &scratch)
        key.removeAll(keepingCapacity: true)
        _ = cells(row) { length, bytes in
            RowFolder.lengthBytes(length) { key.append($0) }
            if let bytes { key.append(contentsOf: bytes) }
        }
        swap(&key, &scratch)
    }

    /// Whether a stored key is the row's.
    private func matches(_ stored: UnsafeBufferPointer<UInt8>, _ row: CSVScanner.Record) -> Bool {
        var at = 0
        var same = true
        let whole = cells(row) { length, bytes in
            guard same else { return }
            RowFolder.lengthBytes(length) { b in
                same = same && at < stored.count && stored[at] == b
                at += 1
            }
            guard same, at + length <= stored.count else {
                same = false
                return
            }
            if let bytes {
                same = RowFolder.equal(UnsafeBufferPointer(rebasing: stored[at..<at + length]), bytes)
            }
            at += length
        }
        return whole && same && at == stored.count
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// The record of this hash whose stored key `same` accepts.
    private func find(hash: UInt64, matching same: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] != 0 {
                let index = Int(slots[slot]) - 1
                if hashes[index] == hash && same(UnsafeBufferPointer(rebasing: keys[keyRanges[index]])) {
                    return index
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    private mutating func append(_ record: Observation, key: ([UInt8], UInt64)?) {
        let index = records.count
        records.append(record)
        guard let (bytes, hash) = key, held < RowFolder.capacity else {
            keyRanges.append(0..<0)
            hashes.append(0)
            return
        }
        keyRanges.append(keys.count..<keys.count + bytes.count)
        keys.append(contentsOf: bytes)
        hashes.append(hash)
        insert(index, hash: hash)
        held += 1
        if held * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for i in records.indices where !keyRanges[i].isEmpty { insert(i, hash: hashes[i]) }
        }
    }

    private mutating func insert(_ index: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(index + 1)
    }
}
