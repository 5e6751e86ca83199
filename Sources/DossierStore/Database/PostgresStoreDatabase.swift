import Foundation
import Logging
import PostgresNIO

/// A store in a PostgreSQL database, through one PostgresNIO connection.
///
/// Calls block their thread until the server answers, so they must not be made from an event loop. A server that
/// does not answer a statement within the address's `query_timeout` (seconds, 120 unless given) is given up on:
/// the connection is closed, and this call and every later one fail, so a server that stops or hangs mid-ingest
/// ends the ingest with an error instead of a wait with no end. The open transaction dies with the connection, so
/// nothing of its batch is kept.
/// Rows go in a statement a table: each column is bound as one array, which `unnest` turns back into rows,
/// so that a batch costs a handful of round trips and the server parses a few short statements.
public final class PostgresStoreDatabase: StoreDatabase, @unchecked Sendable {
    public let dialect = SQLDialect.postgres
    private let link: ServerLink
    private let logger = Logger(label: "dossier.store")
    /// One transaction at a time on the one connection.
    private let lock = NSLock()
    /// The types of the tables' columns, looked up once a table; used under `lock`.
    private let columnTypes = ColumnTypes()

    /// Connects to a `postgres://USER:PASSWORD@HOST:PORT/DATABASE` address; `?host=/socket/folder` picks a Unix socket,
    /// `?query_timeout=SECONDS` how long a statement may go unanswered.
    public init(url: String) throws {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw StoreError.badAddress(url)
        }
        let user = parts.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let database = parts.path.isEmpty ? nil : String(parts.path.dropFirst())
        let port = parts.port ?? 5432
        let timeout = try parts.queryItems?.first(where: { $0.name == "query_timeout" }).map { item in
            guard let seconds = item.value.flatMap(Double.init), seconds > 0 else { throw StoreError.badAddress(url) }
            return seconds
        }
        let configuration: PostgresConnection.Configuration
        if let folder = parts.queryItems?.first(where: { $0.name == "host" })?.value, folder.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: user, password: parts.password, database: database)
        } else {
            configuration = .init(
                host: parts.host ?? "localhost", port: port, username: user, password: parts.password, database: database,
                tls: .disable)
        }
        let connection = try PostgresConnection.connect(
            on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: logger
        ).wait()
        link = ServerLink(connection: connection, timeout: timeout ?? 120)
    }

    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try lock.withLock {
            let session = PostgresSession(link: link, logger: logger, columnTypes: columnTypes)
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
        try lock.withLock { try body(PostgresSession(link: link, logger: logger, columnTypes: columnTypes)) }
    }

    public func close() throws {
        try lock.withLock { try link.close() }
    }

    deinit { try? close() }
}

/// The connection, and whether the server has been given up on. Used under the database's lock.
private final class ServerLink {
    let connection: PostgresConnection
    /// Seconds a statement may go unanswered.
    let timeout: Double
    /// Why the connection was given up, once it was.
    private var lost: String?

    init(connection: PostgresConnection, timeout: Double) {
        self.connection = connection
        self.timeout = timeout
    }

    /// The server's answer, waited for at most ``timeout`` seconds; past that the connection is closed and given up.
    func answer<T: Sendable>(_ query: () -> EventLoopFuture<T>) throws -> T {
        if let lost { throw PostgresServerLost(reason: lost) }
        if connection.isClosed { throw PostgresServerLost(reason: "the connection to the server is closed") }
        let answered = DispatchSemaphore(value: 0)
        let result = Locked<Result<T, any Error>?>(nil)
        query().whenComplete { outcome in
            result.withLock { $0 = outcome }
            answered.signal()
        }
        guard answered.wait(timeout: .now() + timeout) == .success else {
            lost = "no answer from the server in \(timeout.formatted()) s (query_timeout); is it running?"
            _ = connection.close() as EventLoopFuture<Void>
            throw PostgresServerLost(reason: lost!)
        }
        return try result.withLock { $0! }.get()
    }

    func close() throws {
        guard lost == nil, !connection.isClosed else { return }
        try answer { connection.close() }
    }
}

/// The server stopped answering, or the connection to it is gone.
struct PostgresServerLost: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// The SQL type of each column of the tables rows were inserted into, by table and column name.
private final class ColumnTypes {
    var byTable: [String: [String: String]] = [:]
}

/// Statements on the connection, `?` placeholders rewritten to `$1, $2, ...`.
private struct PostgresSession: SQLSession {
    let link: ServerLink
    let logger: Logger
    let columnTypes: ColumnTypes
    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, _ values: [SQLValue]) throws {
        _ = try run(sql, values)
    }

    func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        try run(sql, values).rows.map { row in row.map(Self.value) }
    }

    /// One `INSERT ... SELECT * FROM unnest($1::text[], $2::bigint[], ...)`, an array a column.
    func insert(into table: String, columns: [String], rows: [[SQLValue]], conflict: String) throws {
        guard !rows.isEmpty else { return }
        let types = try self.types(of: table)
        var bindings = PostgresBindings(capacity: columns.count)
        var arrays: [String] = []
        for (index, column) in columns.enumerated() {
            let type = types[column] ?? "text"
            let array = PostgresArray(type: type, values: rows.map { $0[index] })
            bindings.append(array)
            arrays.append("$\(index + 1)::\(type)[]")
        }
        let sql =
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT * FROM unnest(\(arrays.joined(separator: ", "))) \(conflict)"
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        _ = try link.answer { link.connection.query(query, logger: logger) }
    }

    /// The SQL types of a table's columns, from the catalog the first time.
    private func types(of table: String) throws -> [String: String] {
        if let types = columnTypes.byTable[table] { return types }
        var types: [String: String] = [:]
        for row in try rows(
            "SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped",
            [.text(table)])
        {
            if let name = row[0].string, let type = row[1].string { types[name] = type }
        }
        columnTypes.byTable[table] = types
        return types
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
        return try link.answer { link.connection.query(query, logger: logger) }
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
        case .numeric:
            // `sum` of integers is numeric: whole numbers come back as integers, as in SQLite.
            guard let number = (try? cell.decode(Decimal.self)).map({ NSDecimalNumber(decimal: $0).doubleValue }) else { return .null }
            return number == number.rounded() && abs(number) < 1e15 ? .integer(Int64(number)) : .real(number)
        default: return (try? cell.decode(String.self)).map { .text($0) } ?? .null
        }
    }
}

/// A column's values bound as one array in PostgreSQL's binary format: `bigint` and `double precision` columns
/// as such, every other column as text, which the statement casts to the column's type.
private struct PostgresArray: PostgresDynamicTypeEncodable {
    let elementType: PostgresDataType
    let values: [SQLValue]

    init(type: String, values: [SQLValue]) {
        elementType =
            switch type {
            case "bigint": .int8
            case "double precision": .float8
            default: .text
            }
        self.values = values
    }

    var psqlType: PostgresDataType {
        switch elementType {
        case .int8: .int8Array
        case .float8: .float8Array
        default: .textArray
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(Int32(1))  // dimensions
        buffer.writeInteger(Int32(values.contains(.null) ? 1 : 0))  // whether some element is null
        buffer.writeInteger(elementType.rawValue)
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))  // the first index
        for value in values {
            switch (elementType, value) {
            case (_, .null):
                buffer.writeInteger(Int32(-1))
            case (.int8, _):
                buffer.writeInteger(Int32(8))
                buffer.writeInteger(Int64(value.int ?? 0))
            case (.float8, _):
                buffer.writeInteger(Int32(8))
                buffer.writeInteger((value.double ?? 0).bitPattern)
            default:
                let text = value.string ?? ""
                buffer.writeInteger(Int32(text.utf8.count))
                buffer.writeString(text)
            }
        }
    }
}
