/// A report's table as CSV: the first table field marked as the answer's CSV form, nil when the
/// answer has none.
enum CSVFormat {
    static func csv(_ report: Report) -> CSV? { table(of: report).map(csv) }

    /// The table field that is the answer's CSV form.
    static func table(of report: Report) -> ReportTable? {
        for field in report.fields {
            if case .table(let table) = field.value, table.isCSV { return table }
        }
        return nil
    }

    static func csv(_ table: ReportTable) -> CSV {
        let columns = table.columns.indices.filter { table.columns[$0].inCSV }.sorted {
            (table.columns[$0].csvRank, $0) < (table.columns[$1].csvRank, $1)
        }
        return CSV(
            header: columns.map { table.columns[$0].key },
            rows: table.rows.map { row in columns.map { row[$0].value.csv } })
    }
}
