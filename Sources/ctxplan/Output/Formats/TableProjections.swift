/// A table's JSON in the other shapes answers give it: one object keyed by a column (backtests,
/// residuals by model), or one column's values as a list (the presets' names). The table stays
/// the one description; these are how JSON reads it.
extension ReportTable {
    /// One member per row, named by the row's `key` cell: the row's other JSON columns as an
    /// object, or with `value` that one column's value.
    func keyed(by key: String, value: String? = nil) -> Report {
        guard let named = columns.firstIndex(where: { $0.key == key }) else { return Report() }
        let kept = columns.indices.filter { $0 != named && columns[$0].inJSON }
        let single = value.flatMap { value in columns.firstIndex { $0.key == value } }
        return Report(
            rows.map { row in
                let name = row[named].value.cell
                if let single { return Field(name, row[single].value) }
                return Field(name, .report(Report(kept.map { Field(columns[$0].key, row[$0].value) })))
            })
    }

    /// The `key` column's values, as a JSON list.
    func values(of key: String) -> Value {
        guard let column = columns.firstIndex(where: { $0.key == key }) else { return .json(.array([])) }
        return .json(.array(rows.map { $0[column].value.json }))
    }
}
