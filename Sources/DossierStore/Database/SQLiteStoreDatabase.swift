import GRDB

/// A store in one SQLite file, through GRDB: write-ahead log, one writer at a time, cached prepared statements.
public final class SQLiteStoreDatabase: StoreDatabase {
    public let dialect = SQLDialect.sqlite
    private let queue: DatabaseQueue

    /// Opens (or creates) the file at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -131072")
            // References are declared but not checked row by row, which costs a quarter of the write time;
            // `PRAGMA foreign_key_check` finds none broken (CI checks it after an interrupted ingest).
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try queue.write { db in try body(SQLiteSession(db: db)) }
    }

    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try queue.read { db in try body(SQLiteSession(db: db)) }
    }

    public func close() throws { try queue.close() }
}

/// Statements on an open GRDB connection.
private struct SQLiteSession: SQLSession {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ values: [SQLValue]) throws {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(values))
    }

    func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(values)).map { row in
            (0..<row.count).map { index in
                switch (row[index] as DatabaseValue).storage {
                case .null, .blob: .null
                case .int64(let number): .integer(number)
                case .double(let number): .real(number)
                case .string(let text): .text(text)
                }
            }
        }
    }

    func insert(into table: String, columns: [String], rows: [[SQLValue]], conflict: String) throws {
        guard !rows.isEmpty else { return }
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Self.placeholders(columns.count))) \(conflict)"
        let statement = try db.cachedStatement(sql: sql)
        for row in rows { try statement.execute(arguments: Self.arguments(row)) }
    }

    private static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(
            values.map { value -> DatabaseValue in
                switch value {
                case .null: .null
                case .integer(let number): number.databaseValue
                case .real(let number): number.databaseValue
                case .text(let text): text.databaseValue
                }
            })
    }
}
