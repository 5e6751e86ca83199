import GRDB
import GRDBSQLite

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
        // Each value bound with SQLite's own calls: GRDB's checked arguments cost more than SQLite's insert itself.
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        defer { sqlite3_reset(statement) }
        for row in rows {
            guard row.count == columns.count else {
                throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(row.count) values for \(columns.count) columns", sql: sql)
            }
            sqlite3_reset(statement)
            for (index, value) in zip(Int32(1)..., row) {
                let code =
                    switch value {
                    case .null: sqlite3_bind_null(statement, index)
                    case .integer(let number): sqlite3_bind_int64(statement, index, number)
                    case .real(let number): sqlite3_bind_double(statement, index, number)
                    case .text(let text): sqlite3_bind_text(statement, index, text, Int32(text.utf8.count), Self.transient)
                    }
                guard code == SQLITE_OK else { throw failure(code, sql) }
            }
            let code = sqlite3_step(statement)
            guard code == SQLITE_DONE else { throw failure(code, sql) }
        }
    }

    /// SQLite's own error for a failed call, as GRDB reports them.
    private func failure(_ code: Int32, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }

    /// Tells SQLite to copy a bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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
