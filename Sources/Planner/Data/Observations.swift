import ContextScaling
import Foundation
import Synchronization

/// One evaluation result: a score at a compute, prompt length and context limit.
public struct Observation: Sendable, Equatable {
    public var task: String?
    public var model: String?
    public var flops: Double
    public var nCtx: Double
    public var nPmt: Double
    public var metric: Double
    /// The shot count, when the record gives one.
    public var shots: Int? {
        get { storedShots < 0 ? nil : Int(storedShots) }
        set { storedShots = newValue.map { Int32(clamping: $0) } ?? -1 }
    }
    /// Where it came from, for messages: "file:line", or "file: instance 12".
    public var origin: String {
        get {
            switch place {
            case .line(let line): return "\(source):\(line)"
            case .instance(let id): return "\(source): instance \(id)"
            case nil: return source
            }
        }
        set {
            source = newValue
            place = nil
        }
    }
    /// The file and place `origin` names, kept apart so that a million rows (or instances)
    /// share one file name instead of each holding its own "file:line".
    private var source: String
    /// The limit the model was pre-trained with, when a model preset says it was extended past
    /// it (the decay law needs it); nil otherwise.
    public var nativeNCtx: Double?
    /// The model's non-embedding parameters N, where the record or its model preset gives them
    /// (tokens D are then C / 6N): the ladder law needs them.
    public var params: Double?
    // Last, and the shot count in four bytes, so that the optionals' tags share their padding:
    // a paper-eval folder holds a million of these.
    private var place: Place?
    private var storedShots: Int32 = -1
    enum Place: Sendable, Equatable {
        case line(Int)
        /// A paper-eval file's instance, by its id.
        case instance(Int)
    }
    /// How many rows of its file this record stands for: a fit's reader folds rows that differ
    /// only in their line (per-instance 0/1 scores repeat a few hundred such rows millions of
    /// times) into one record that keeps the first row's line. Every sum weights by it.
    public var count = 1

    public init(
        task: String?, model: String?, flops: Double, nCtx: Double, nPmt: Double, shots: Int?, metric: Double,
        origin: String, nativeNCtx: Double? = nil, params: Double? = nil
    ) {
        self.init(
            task: task, model: model, flops: flops, nCtx: nCtx, nPmt: nPmt, shots: shots, metric: metric, file: origin,
            line: nil, nativeNCtx: nativeNCtx, params: params)
    }

    init(
        task: String?, model: String?, flops: Double, nCtx: Double, nPmt: Double, shots: Int?, metric: Double,
        file: String, line: Int?, nativeNCtx: Double? = nil, params: Double? = nil
    ) {
        self.init(
            task: task, model: model, flops: flops, nCtx: nCtx, nPmt: nPmt, shots: shots, metric: metric, file: file,
            place: line.map(Place.line), nativeNCtx: nativeNCtx, params: params)
    }

    init(
        task: String?, model: String?, flops: Double, nCtx: Double, nPmt: Double, shots: Int?, metric: Double,
        file: String, place: Place?, nativeNCtx: Double? = nil, params: Double? = nil
    ) {
        self.params = params
        self.task = task
        self.model = model
        self.flops = flops
        self.nCtx = nCtx
        self.nPmt = nPmt
        self.metric = metric
        source = file
        self.place = place
        self.nativeNCtx = nativeNCtx
        self.shots = shots
    }
}

/// One RULER accuracy of the paper's Table 2.
public struct RulerRecord: Sendable, Equatable {
    public var model: String
    public var nCtx: Double
    public var nPmt: Double
    public var accuracy: Double
}

/// Reads evaluation results from CSV, columns found by header name:
///
///     task       optional; the task the row belongs to
///     model      a model preset name, or else
///     compute    training FLOPs, or else params and tokens (C = 6 x params x tokens)
///     n_ctx      the model's context limit (8k, 32768); optional with a model preset
///     n_pmt      prompt tokens, or else
///     shots      shot count, made prompt tokens by the task's token lengths
///     metric     the score, in [0, 1]
///
/// Other columns are ignored. Every rejection names the file, line and column.
///
/// A file is mapped, not copied, and read in one pass; a large one is split at line breaks and
/// its parts read side by side, one per core (a quoted field may hold a line break, so a file
/// with quotes is read in one part). The first rejection in the file's order is the one given.
public struct ObservationReader: Sendable {
    public var library: PresetLibrary
    /// The task whose token lengths turn shots into prompt tokens when a row names none.
    public var defaultTask: TaskPreset?
    /// Scores on a 0-100 scale, read divided by 100.
    public var percentScores: Bool
    /// Rows that differ only in their line read as one record with a count (`RowFolder`): what
    /// a fit reads. An import, which writes every row back out, reads each row as its own.
    public var foldsRepeats: Bool

    public init(
        library: PresetLibrary, defaultTask: TaskPreset? = nil, percentScores: Bool = false,
        foldsRepeats: Bool = false
    ) {
        self.library = library
        self.defaultTask = defaultTask
        self.percentScores = percentScores
        self.foldsRepeats = foldsRepeats
    }

    public func read(path: String) throws -> [Observation] {
        let mapped: MappedFile
        do {
            mapped = try MappedFile(path: path)
        } catch .missing {
            throw DataFileError(file: path, .missing)
        } catch .unreadable {
            throw DataFileError(file: path, .unreadable)
        } catch .notMappable {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DataFileError(file: path, .unreadable)
            }
            guard let text = String(validating: data, as: UTF8.self) else { throw DataFileError(file: path, .notUTF8) }
            return try parse(text: text, file: path)
        }
        return try records(TextBytes(mapped.bytes), file: path, mapped: mapped, validated: false)
    }

    public func parse(text: String, file: String) throws -> [Observation] {
        var text = text
        return try text.withUTF8 { try records(TextBytes($0), file: file, mapped: nil, validated: true) }
    }

    /// Text smaller than this is read in one part: splitting it costs more than it saves.
    /// (Tests split small texts.)
    var smallestSplit = 4 << 20
    /// Read text is handed back to the system in steps of this many bytes.
    static let releaseStep = 16 << 20

    /// The records of `text`; `validated` when it is known to be UTF-8.
    private func records(_ text: TextBytes, file: String, mapped: MappedFile?, validated: Bool) throws
        -> [Observation]
    {
        let bytes = text.bytes
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, bytes.count >= smallestSplit, let header = CSVScanner.headerEnd(bytes)
        else { return try wholeRecords(text, file: file, mapped: mapped, validated: validated) }
        let starts = (0..<cores).reduce(into: [Int]()) { starts, k in
            guard k > 0 else { return starts.append(header.offset) }
            let target = max(header.offset + (bytes.count - header.offset) * k / cores, starts[k - 1])
            starts.append(bytes[target...].firstIndex(of: CSVScanner.newline).map { $0 + 1 } ?? bytes.count)
        }
        let ends = Array(starts.dropFirst()) + [bytes.count]
        let surveys = inParallel(count: cores) { k in
            ObservationReader.survey(text, starts[k]..<ends[k], mapped: mapped)
        }
        let head = TextSurvey(UnsafeBufferPointer(rebasing: bytes[0..<header.offset]))
        guard !(surveys + [head]).contains(where: { $0.quotes || ($0.nonASCII && !validated) }) else {
            return try wholeRecords(text, file: file, mapped: mapped, validated: validated)
        }
        // Each part's first line: the header's next, and the line breaks of the parts before.
        let lines = surveys.dropLast().reduce(into: [header.line]) { $0.append($0[$0.count - 1] + $1.newlines) }
        let names = try CSVScanner.header(bytes, end: header.offset, file: file)
        let columns = try ObservationColumns(header: names, file: file)
        let parts = inParallel(count: cores) { k in
            Result { () throws -> RowFolder in
                var rows = ObservationRows(reader: self, file: file, columns: columns)
                var folder = RowFolder(keyColumns: foldsRepeats ? columns.keyColumns : [])
                var released = starts[k]
                try CSVScanner.scanBody(
                    text.bytes, from: starts[k], to: ends[k], line: lines[k], columns: columns.width, file: file
                ) { record in
                    try folder.add(record) { try rows.observation($0) }
                    if record.start - released > ObservationReader.releaseStep {
                        mapped?.release(released..<record.start)
                        released = record.start
                    }
                }
                return folder
            }
        }
        var folder = try parts[0].get()
        for part in parts.dropFirst() { folder.absorb(try part.get()) }
        guard !folder.records.isEmpty else { throw DataFileError(file: file, .noRecords) }
        return folder.records
    }

    /// The records of `text` read in one part.
    private func wholeRecords(_ text: TextBytes, file: String, mapped: MappedFile?, validated: Bool) throws
        -> [Observation]
    {
        let bytes = text.bytes
        if !validated {
            let survey = ObservationReader.survey(text, 0..<bytes.count, mapped: mapped)
            if survey.nonASCII && !ObservationReader.isUTF8(text, mapped: mapped) {
                throw DataFileError(file: file, .notUTF8)
            }
        }
        var rows: ObservationRows?
        var folder = RowFolder(keyColumns: [])
        var released = 0
        try CSVScanner.scan(bytes: bytes, file: file) { header in
            let columns = try ObservationColumns(header: header, file: file)
            rows = ObservationRows(reader: self, file: file, columns: columns)
            folder = RowFolder(keyColumns: foldsRepeats ? columns.keyColumns : [])
        } body: { record in
            guard rows != nil else { return }
            try folder.add(record) { try rows!.observation($0) }
            if record.start - released > ObservationReader.releaseStep {
                mapped?.release(released..<record.start)
                released = record.start
            }
        }
        guard !folder.records.isEmpty else { throw DataFileError(file: file, .noRecords) }
        return folder.records
    }

    /// `TextSurvey` of `range`, a step at a time, each step handed back once surveyed.
    private static func survey(_ text: TextBytes, _ range: Range<Int>, mapped: MappedFile?) -> TextSurvey {
        var total = TextSurvey(UnsafeBufferPointer(start: nil, count: 0))
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, start + releaseStep)
            let part = TextSurvey(UnsafeBufferPointer(rebasing: text.bytes[start..<end]))
            total.quotes = total.quotes || part.quotes
            total.nonASCII = total.nonASCII || part.nonASCII
            total.newlines += part.newlines
            mapped?.release(start..<end)
            start = end
        }
        return total
    }

    /// Whether the text is UTF-8, checked a step at a time; each step ends at a line break,
    /// which no multi-byte character holds.
    private static func isUTF8(_ text: TextBytes, mapped: MappedFile?) -> Bool {
        let bytes = text.bytes
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + releaseStep)
            if end < bytes.count { end = bytes[end...].firstIndex(of: CSVScanner.newline).map { $0 + 1 } ?? bytes.count }
            guard String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) != nil else {
                return false
            }
            mapped?.release(start..<end)
            start = end
        }
        return true
    }
}

/// A file's bytes, shared read-only by the threads that read its parts.
struct TextBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}

/// `body(0), ..., body(count - 1)` side by side on the cores, results in index order.
func inParallel<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Mutex<[T?]>([T?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let value = body(index)
        slots.withLock { $0[index] = value }
    }
    return slots.withLock { $0.compactMap { $0 } }
}

extension RulerRecord {
    /// Reads a RULER table: columns model, n_ctx, n_pmt, accuracy. A row short of a column or
    /// with a number that does not read is rejected with its line.
    static func read(path: String) throws -> [RulerRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileError(file: path, .unreadable)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw DataFileError(file: path, .notUTF8) }
        let table = try CSVTable(text: text, file: path)
        guard let m = table.column("model"), let c = table.column("n_ctx"), let p = table.column("n_pmt"),
            let a = table.column("accuracy")
        else { throw DataFileError(file: path, line: 1, .noRulerColumns) }
        return try table.rows.map { row in
            guard row.fields.count > max(m, c, p, a) else {
                throw DataFileError(file: path, line: row.line, .shortRulerRow(fields: row.fields.count))
            }
            func number(_ index: Int, _ name: String, _ kind: Quantities.Kind, zero: Bool = false) throws -> Double {
                do { return try Quantities.parse(row.fields[index], as: kind, what: name, allowZero: zero) } catch var e
                    as QuantityError
                {
                    e.location = "\(path):\(row.line)"
                    throw e
                }
            }
            let nCtx = try number(c, "n_ctx", .contextTokens)
            let nPmt = try number(p, "n_pmt", .contextTokens)
            let accuracy = try number(a, "accuracy", .plain, zero: true)
            guard accuracy <= 1 else {
                throw DataFileError(
                    file: path, line: row.line, .outsideUnitInterval(column: "accuracy", token: row.fields[a]))
            }
            return RulerRecord(model: row.fields[m], nCtx: nCtx, nPmt: nPmt, accuracy: accuracy)
        }
    }
}
