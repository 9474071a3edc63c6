/// A report as aligned text for people: its fields with a text form by `textRank`, then in
/// order; labels aligned, tables with right-aligned numbers, notes wrapped to `width`.
enum TextFormat {
    static func text(_ report: Report, style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        write(report, into: &block, width: width)
        return block.text
    }

    /// `report` into `block`, its labels aligned with the fields already there.
    static func write(_ report: Report, into block: inout TextBlock, width: Int?) {
        let ordered = report.fields.enumerated().sorted {
            ($0.element.textRank, $0.offset) < ($1.element.textRank, $1.offset)
        }
        for (_, field) in ordered {
            switch field.text {
            case .none: break
            case .field(let label, let text): block.field(label, text.rendered(block.style))
            case .line(let text): block.line(text.rendered(block.style))
            case .inPlace:
                switch field.value {
                case .report(let nested): write(nested, into: &block, width: width)
                case .reports(let nested): for report in nested { write(report, into: &block, width: width) }
                case .table(let table): write(table, into: &block)
                case .notes(let notes): for note in notes { block.note(note, width: width) }
                default: block.line(field.value.cell)
                }
            }
        }
    }

    private static func write(_ table: ReportTable, into block: inout TextBlock) {
        let columns = table.columns.indices.filter { table.columns[$0].header != nil }
        block.table(
            columns.map { table.columns[$0].header ?? "" },
            table.rows.map { row in columns.map { row[$0].text.rendered(block.style) } },
            words: Set(columns.indices.filter { table.columns[columns[$0]].isWords }))
    }
}
