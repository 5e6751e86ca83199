/// A value bound to or read from a statement, the same for SQLite and PostgreSQL.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// Text, or null for nil.
    public init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    /// An integer, or null for nil.
    public init(_ number: Int?) { self = number.map { .integer(Int64($0)) } ?? .null }
    /// A real number, or null for nil.
    public init(_ number: Double?) { self = number.map { .real($0) } ?? .null }

    public var string: String? {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .null: nil
        }
    }

    public var int: Int? {
        switch self {
        case .integer(let number): Int(number)
        case .real(let number): Int(number)
        case .text(let text): Int(text)
        case .null: nil
        }
    }

    public var double: Double? {
        switch self {
        case .integer(let number): Double(number)
        case .real(let number): number
        case .text(let text): Double(text)
        case .null: nil
        }
    }
}

/// The SQL a store speaks: the schema and most statements are shared, a few differ.
public enum SQLDialect: String, Sendable {
    case sqlite, postgres
}

/// Statements run inside one transaction (or one read) of a ``StoreDatabase``.
///
/// Statements use `?` placeholders in both dialects.
public protocol SQLSession {
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ values: [SQLValue]) throws
    /// Runs a query and returns its rows.
    func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]]
    /// Inserts rows, each with a value per column; `conflict` is an `ON CONFLICT ...` clause or empty.
    func insert(into table: String, columns: [String], rows: [[SQLValue]], conflict: String) throws
}

extension SQLSession {
    public func execute(_ sql: String) throws { try execute(sql, []) }

    /// `?, ?, ?` for a list of values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// Runs a query once per chunk of a long `IN (...)` list, which replaces `%@` in the statement.
    func rows(_ sql: String, in values: [SQLValue], chunk: Int = 5000) throws -> [[SQLValue]] {
        var result: [[SQLValue]] = []
        for start in stride(from: 0, to: values.count, by: chunk) {
            let part = Array(values[start..<min(start + chunk, values.count)])
            result += try rows(sql.replacingOccurrences(of: "%@", with: Self.placeholders(part.count)), part)
        }
        return result
    }

    /// Runs a statement once per chunk of a long `IN (...)` list, which replaces `%@` in the statement.
    func execute(_ sql: String, in values: [SQLValue], chunk: Int = 5000) throws {
        for start in stride(from: 0, to: values.count, by: chunk) {
            let part = Array(values[start..<min(start + chunk, values.count)])
            try execute(sql.replacingOccurrences(of: "%@", with: Self.placeholders(part.count)), part)
        }
    }
}

/// A database that holds a store: SQLite through GRDB, or PostgreSQL through PostgresNIO.
public protocol StoreDatabase: Sendable {
    var dialect: SQLDialect { get }
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Runs `body` with a consistent view of the store.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Closes the connection.
    func close() throws
}
