import Foundation
import GRDB
import PostgresNIO

/// A record of many reports: articles, what each says, and the entities and events merged across them.
///
/// ```swift
/// let store = try Store.open("dossier.db")          // or "postgres://user@localhost/dossier"
/// try store.add([ArticleRecord(document, hash: ArticleRecord.hash(of: document.text))])
/// print(try store.counts()["events"] ?? 0)
/// ```
public struct Store: Sendable {
    public let database: any StoreDatabase
    /// Where the store is, as the user named it (a PostgreSQL password left out), for error messages.
    public let name: String
    /// How reports of one event are matched.
    public var matching = EventMatching()
    /// The months whose partitions this store has made or found (PostgreSQL), so that a batch asks for new ones only.
    let partitionedMonths = Locked<Set<String>>([])

    /// Opens a store: an SQLite file, or a PostgreSQL database for a `postgres://` address; brings its schema up to date.
    /// Errors name the store: "the store 'bad.db': SQLite error 26: file is not a database".
    public static func open(_ location: String) throws -> Store {
        let name = displayName(location)
        return try failing(name) {
            let database: any StoreDatabase
            if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
                database = try PostgresStoreDatabase(url: location)
            } else {
                database = try SQLiteStoreDatabase(path: location)
            }
            try Schema.migrate(database)
            return Store(database: database, name: name)
        }
    }

    /// A location without the password a PostgreSQL address may hold.
    static func displayName(_ location: String) -> String {
        guard location.hasPrefix("postgres"), let at = location.firstIndex(of: "@"),
            let scheme = location.range(of: "://"), let colon = location[scheme.upperBound..<at].firstIndex(of: ":")
        else { return location }
        return String(location[..<colon]) + String(location[at...])
    }

    /// Runs `body`, naming the store in what it throws.
    static func failing<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StoreError.failed(
                store: name, reason: "it is read-only: Dossier may not write the file or its folder (\(error))")
        } catch let error as PSQLError {
            // PostgresNIO keeps its errors' details out of their descriptions; the code and the server's message are safe.
            let message = error.serverInfo?[.message].map { ": \($0)" } ?? ""
            throw StoreError.failed(store: name, reason: "PostgreSQL error \(error.code)\(message)")
        } catch {
            throw StoreError.failed(store: name, reason: "\(error)")
        }
    }

    /// The content hashes of the articles already stored, and of those that failed unless `retryingFailed`.
    public func knownHashes(retryingFailed: Bool = false) throws -> Set<String> {
        try Self.failing(name) {
            try database.read { session in
                let failed = retryingFailed ? "" : " UNION SELECT hash FROM failed_articles"
                return Set(try session.rows("SELECT hash FROM articles" + failed, []).compactMap { $0[0].string })
            }
        }
    }

    /// Adds articles in one transaction with everything derived from them, merging their entities and events into
    /// the records of earlier articles, and the articles that `failed` with their errors; articles already stored are
    /// skipped, and an article added is no longer a failure. Returns how many were added.
    @discardableResult
    public func add(_ records: [ArticleRecord], failed: [FailedArticle] = []) throws -> Int {
        try Self.failing(name) {
            let now = Self.timestamp()
            try makePartitions(month: MonthlyPartitions.month(of: now))
            return try database.write { session in
                try session.insert(
                    failed.map { StoredFailure(failure: $0, failedAt: now) },
                    conflict: "ON CONFLICT (hash) DO UPDATE SET error = excluded.error, failed_at = excluded.failed_at")
                try session.execute("DELETE FROM failed_articles WHERE hash IN (%@)", in: records.map { .text($0.hash) })
                return try StoreWriter(session: session, matching: matching, now: now).add(records)
            }
        }
    }

    /// In PostgreSQL, the partitions of `month` (``MonthlyPartitions``), made where missing in a transaction of their
    /// own, so that the lock that attaching one takes is let go at once.
    private func makePartitions(month: String) throws {
        guard database.dialect == .postgres, !partitionedMonths.withLock({ $0.contains(month) }) else { return }
        try database.write { session in try session.execute("SELECT dossier_month_partitions(ARRAY[?::date])", [.text(month)]) }
        partitionedMonths.withLock { _ = $0.insert(month) }
    }

    /// Rows in each table.
    public func counts() throws -> [String: Int] {
        try database.read { session in
            var counts: [String: Int] = [:]
            for table in Self.tables {
                counts[table] = try session.rows("SELECT count(*) FROM \(table)", []).first?.first?.int ?? 0
            }
            return counts
        }
    }

    /// The store's tables, in the order their rows depend on each other.
    public static let tables = [
        "articles", "entities", "entity_aliases", "article_entities", "mentions", "quotes", "claims", "claim_parties", "events",
        "event_reports", "failed_articles", "fetches",
    ]

    public func close() throws { try database.close() }

    /// Now, in ISO 8601.
    static func timestamp() -> String { ISO8601DateFormatter().string(from: Date()) }
}

/// A store that cannot be opened or used as asked.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case badAddress(String)
    /// The store could not be opened, read or written (a file that is no database, a full disk, a server gone).
    case failed(store: String, reason: String)

    public var description: String {
        switch self {
        case .badAddress(let address): "'\(address)' is not a postgres://USER@HOST:PORT/DATABASE address"
        case .failed(let store, let reason): "the store '\(store)': \(reason)"
        }
    }
}
