import DossierCore
import Foundation

/// Rows a query returns, with their column names, written as an aligned table, CSV, JSON or JSON Lines.
public struct ResultTable: Sendable {
    public var columns: [String]
    public var rows: [[SQLValue]]

    public init(columns: [String], rows: [[SQLValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The forms a table is written in.
    public enum Format: String, Sendable, CaseIterable {
        case table, json, jsonl, csv
    }

    public func formatted(_ format: Format) -> String {
        switch format {
        case .table: table()
        case .json: json()
        case .jsonl: jsonLines()
        case .csv: csv()
        }
    }

    /// Columns padded to their widest cell (cut at `width` characters), a header and a rule.
    public func table(width: Int = 60) -> String {
        let cells = rows.map { row in row.map { Self.clip($0.string ?? "", width) } }
        var widths = columns.map(\.count)
        for row in cells { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var lines = [line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += cells.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header line.
    public func csv() -> String {
        ([columns.map(Self.csvField)] + rows.map { $0.map { Self.csvField($0.string ?? "") } })
            .map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    /// One JSON array of objects.
    public func json() -> String {
        var json = JSONWriter(pretty: true)
        writeRows(&json)
        return json.output + "\n"
    }

    /// Writes the rows into `json` as an array of objects, keyed by column.
    public func writeRows(_ json: inout JSONWriter) {
        json.array { json in for row in rows { object(row, &json) } }
    }

    /// Writes the row at `index` into `json` as an object, keyed by column.
    public func writeRow(_ index: Int, _ json: inout JSONWriter) {
        object(rows[index], &json)
    }

    /// One JSON object a line.
    public func jsonLines() -> String {
        rows.map { row in
            var json = JSONWriter()
            object(row, &json)
            return json.output + "\n"
        }.joined()
    }

    private func object(_ row: [SQLValue], _ json: inout JSONWriter) {
        json.object { json in
            for (column, value) in zip(columns, row) {
                json.key(column)
                Self.write(value, &json)
            }
        }
    }

    static func write(_ value: SQLValue, _ json: inout JSONWriter) {
        switch value {
        case .null: json.null()
        case .integer(let number): json.int(Int(number))
        case .real(let number): json.number(number)
        case .text(let text): json.string(text)
        }
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func clip(_ text: String, _ width: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }
}
