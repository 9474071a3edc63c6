/// A report as one JSON object: each field with a key, in order; nested reports are objects,
/// tables arrays of objects.
enum JSONFormat {
    static func json(_ report: Report) -> JSON {
        .object(report.fields.compactMap { field in field.key.map { ($0, field.value.json) } })
    }

    static func json(_ table: ReportTable) -> JSON {
        let columns = table.columns.indices.filter { table.columns[$0].inJSON }
        return .array(table.rows.map { row in .object(columns.map { (table.columns[$0].key, row[$0].value.json) }) })
    }
}
