/// What a column's cells have already been read as, by their bytes: a per-instance file repeats a
/// few models, compute levels and prompt lengths over a million rows, so each distinct text is
/// parsed (and each model name made a String) once. Bounded: a column of mostly distinct values
/// (per-instance prompt lengths, say) stops filling it and is read cell by cell.
///
/// An open-addressed table on a 64-bit FNV-1a hash of the bytes, not a Dictionary: cells are a
/// few bytes, and the standard library's seeded hashing cost more than the parse it saves.
struct CellCache<Value> {
    private struct Entry {
        var hash: UInt64
        var bytes: [UInt8]
        var value: Value
    }

    private var slots: [Entry?] = Array(repeating: nil, count: 1024)
    private var used = 0
    private static var capacity: Int { 65_536 }

    /// The value of a cell with these bytes: the one read before, or `read()`'s, remembered.
    mutating func value(of bytes: UnsafeBufferPointer<UInt8>, read: () throws -> Value) rethrows -> Value {
        let hash = CellCache.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while let entry = slots[slot] {
            if entry.hash == hash && entry.bytes.count == bytes.count && CellCache.equal(entry.bytes, bytes) {
                return entry.value
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let value = try read()
        if used < CellCache.capacity {
            slots[slot] = Entry(hash: hash, bytes: Array(bytes), value: value)
            used += 1
            // At most half full, so that a probe ends soon at an empty slot.
            if used * 2 > slots.count { grow() }
        }
        return value
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        for case let entry? in old {
            var slot = Int(truncatingIfNeeded: entry.hash) & (slots.count - 1)
            while slots[slot] != nil { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
        }
    }

    private static func equal(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        stored.withUnsafeBufferPointer { stored in
            for i in 0..<stored.count where stored[i] != bytes[i] { return false }
            return true
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
