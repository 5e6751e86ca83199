import Foundation
import Logging
import PostgresNIO

/// A store in a PostgreSQL database, through one PostgresNIO connection.
///
/// Calls block their thread until the server answers, so they must not be made from an event loop.
/// Rows go in as multi-row `INSERT`s, a few thousand values a statement, so that a batch costs
/// a handful of round trips.
public final class PostgresStoreDatabase: StoreDatabase, @unchecked Sendable {
    public let dialect = SQLDialect.postgres
    private let connection: PostgresConnection
    private let logger = Logger(label: "dossier.store")
    /// One transaction at a time on the one connection.
    private let lock = NSLock()

    /// Connects to a `postgres://USER:PASSWORD@HOST:PORT/DATABASE` address; `?host=/socket/folder` picks a Unix socket.
    public init(url: String) throws {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw StoreError.badAddress(url)
        }
        let user = parts.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let database = parts.path.isEmpty ? nil : String(parts.path.dropFirst())
        let port = parts.port ?? 5432
        let configuration: PostgresConnection.Configuration
        if let folder = parts.queryItems?.first(where: { $0.name == "host" })?.value, folder.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: user, password: parts.password, database: database)
        } else {
            configuration = .init(
                host: parts.host ?? "localhost", port: port, username: user, password: parts.password, database: database,
                tls: .disable)
        }
        connection = try PostgresConnection.connect(
            on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: logger
        ).wait()
    }

    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try lock.withLock {
            let session = PostgresSession(connection: connection, logger: logger)
            try session.execute("BEGIN")
            do {
                // Writers take turns, so that merging across reports sees every committed batch.
                try session.execute("SELECT pg_advisory_xact_lock(7203)")
                // A batch can be ingested again, so its commit need not wait for the disk: a server crash may lose
                // the last moment's batches but never leaves half of one.
                try session.execute("SET LOCAL synchronous_commit = off")
                let result = try body(session)
                try session.execute("COMMIT")
                return result
            } catch {
                try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try lock.withLock { try body(PostgresSession(connection: connection, logger: logger)) }
    }

    public func close() throws {
        if !connection.isClosed { try connection.close().wait() }
    }

    deinit { try? close() }
}

/// Statements on the connection, `?` placeholders rewritten to `$1, $2, ...`.
private struct PostgresSession: SQLSession {
    let connection: PostgresConnection
    let logger: Logger
    var dialect: SQLDialect { .postgres }
    /// PostgreSQL takes at most 65,535 values a statement.
    private static let valuesPerStatement = 30_000

    func execute(_ sql: String, _ values: [SQLValue]) throws {
        _ = try run(sql, values)
    }

    func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        try run(sql, values).rows.map { row in row.map(Self.value) }
    }

    func insert(into table: String, columns: [String], rows: [[SQLValue]], conflict: String) throws {
        let perStatement = max(1, Self.valuesPerStatement / columns.count)
        let tuple = "(" + Self.placeholders(columns.count) + ")"
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            let sql =
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: chunk.count).joined(separator: ", ") + " " + conflict
            try execute(sql, chunk.flatMap { $0 })
        }
    }

    private func run(_ sql: String, _ values: [SQLValue]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings)
        return try connection.query(query, logger: logger).wait()
    }

    /// The statement with its `?` placeholders numbered.
    static func numbered(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        for character in sql {
            if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func value(_ cell: PostgresCell) -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map { .integer($0) } ?? .null
        case .float4, .float8: return (try? cell.decode(Double.self)).map { .real($0) } ?? .null
        case .numeric: return (try? cell.decode(String.self)).flatMap(Double.init).map { .real($0) } ?? .null
        default: return (try? cell.decode(String.self)).map { .text($0) } ?? .null
        }
    }
}
