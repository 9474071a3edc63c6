import ArgumentParser

/// How a command prints its answer: text for people, one JSON object, or CSV for a table.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json, csv
}
