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

/// Statements on an open GRDB connection, run with SQLite's own calls on GRDB's cached statements: values are bound and
/// read whole (a NUL inside a text, which GRDB's strings stop at, included), and without GRDB's checked arguments, which
/// cost an ingest more than SQLite's inserts themselves.
private struct SQLiteSession: SQLSession {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ values: [SQLValue]) throws {
        let statement = try prepared(sql, values)
        defer { sqlite3_reset(statement) }
        // Every row is stepped through, as a statement may act as it returns them.
        while try step(statement, sql) {}
    }

    func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        let statement = try prepared(sql, values)
        defer { sqlite3_reset(statement) }
        var rows: [[SQLValue]] = []
        let count = sqlite3_column_count(statement)
        while try step(statement, sql) {
            rows.append((0..<count).map { Self.value(statement, $0) })
        }
        return rows
    }

    func insert(into table: String, columns: [String], rows: [[SQLValue]], conflict: String) throws {
        guard !rows.isEmpty else { return }
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Self.placeholders(columns.count))) \(conflict)"
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        defer { sqlite3_reset(statement) }
        for row in rows {
            sqlite3_reset(statement)
            try bind(row, to: statement, sql)
            while try step(statement, sql) {}
        }
    }

    /// The cached statement of `sql`, reset, with `values` bound.
    private func prepared(_ sql: String, _ values: [SQLValue]) throws -> SQLiteStatement {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        sqlite3_reset(statement)
        try bind(values, to: statement, sql)
        return statement
    }

    /// Binds a value to each placeholder, texts copied whole.
    private func bind(_ values: [SQLValue], to statement: SQLiteStatement, _ sql: String) throws {
        guard values.count == Int(sqlite3_bind_parameter_count(statement)) else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(values.count) values for the statement's placeholders", sql: sql)
        }
        for (index, value) in zip(Int32(1)..., values) {
            let code =
                switch value {
                case .null: sqlite3_bind_null(statement, index)
                case .integer(let number): sqlite3_bind_int64(statement, index, number)
                case .real(let number): sqlite3_bind_double(statement, index, number)
                case .text(let text): sqlite3_bind_text(statement, index, text, Int32(text.utf8.count), Self.transient)
                }
            guard code == SQLITE_OK else { throw failure(code, sql) }
        }
    }

    /// Steps a statement: true while it returns a row, false once done.
    private func step(_ statement: SQLiteStatement, _ sql: String) throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw failure(code, sql)
        }
    }

    /// A column of the current row: a number, a whole text, or null (for a blob too, which the store never writes).
    private static func value(_ statement: SQLiteStatement, _ column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return .null }
            let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
            return .text(String(decoding: bytes, as: UTF8.self))
        default: return .null
        }
    }

    /// SQLite's own error for a failed call, as GRDB reports them.
    private func failure(_ code: Int32, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }

    /// Tells SQLite to copy a bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
