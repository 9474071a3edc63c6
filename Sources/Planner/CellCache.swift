/// What a column's cells have already been read as, by their bytes: a per-instance file repeats a
/// few models, compute levels and prompt lengths over a million rows, so each distinct text is
/// parsed (and each model name made a String) once. Bounded: a column of mostly distinct values
/// (per-instance prompt lengths, say) stops filling it and is read cell by cell.
struct CellCache<Value> {
    private var entries: [UInt64: (bytes: [UInt8], value: Value)] = [:]
    private static var capacity: Int { 65_536 }

    /// The value of a cell with these bytes: the one read before, or `read()`'s, remembered.
    mutating func value(of bytes: UnsafeBufferPointer<UInt8>, read: () throws -> Value) rethrows -> Value {
        let key = CellCache.hash(bytes)
        if let entry = entries[key], entry.bytes.elementsEqual(bytes) { return entry.value }
        let value = try read()
        // Two texts with one hash (rare) take turns in the entry; both still read right.
        if entries.count < CellCache.capacity { entries[key] = (Array(bytes), value) }
        return value
    }

    /// 64-bit FNV-1a: cells are a few bytes, and this is cheaper than hashing an array of them.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
