/// A CSV file's records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks), by header name.
public struct CSVTable: Sendable {
    public let records: [[String: String]]

    /// Reads a CSV text whose first row names the columns.
    ///
    ///     try CSVTable("text,label\n\"Kim, then Moon\",AGREE\n").records   // [["text": "Kim, then Moon", "label": "AGREE"]]
    public init(_ text: String) throws {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; Self.end(next, &field, &row, &rows) }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else {
                Self.end(c, &field, &row, &rows)
            }
        }
        if quoted { throw CSVError.unclosedQuote }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        guard let header = rows.first else { throw CSVError.empty }
        records = rows.dropFirst().map { values in
            Dictionary(zip(header, values).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Reads one unquoted character: a comma ends the field, a line break the row.
    private static func end(_ c: Character, _ field: inout String, _ row: inout [String], _ rows: inout [[String]]) {
        switch c {
        case ",":
            row.append(field)
            field = ""
        case "\n", "\r\n":
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        case "\r":
            break
        default:
            field.append(c)
        }
    }
}

/// Why a CSV text cannot be read.
public enum CSVError: Error, CustomStringConvertible {
    case unclosedQuote, empty

    public var description: String {
        switch self {
        case .unclosedQuote: "a quoted field is not closed"
        case .empty: "no header row"
        }
    }
}
