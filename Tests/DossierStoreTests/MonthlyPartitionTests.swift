import Foundation
import Testing

@testable import DossierStore

/// The tables that grow with every article carry the month it was stored in, and PostgreSQL keeps a partition a month.
struct MonthlyPartitionTests {
    @Test(arguments: [
        ("2026-12-06T02:40:11Z", "2026-12-01"), ("2027-01-01T00:00:00Z", "2027-01-01"), ("1999-07-31T23:59:59Z", "1999-07-01"),
    ])
    func monthOfATimestamp(timestamp: String, month: String) {
        #expect(MonthlyPartitions.month(of: timestamp) == month)
    }

    @Test func everyRowOfAnArticleCarriesItsMonth() throws {
        try MonthlyPartitionChecks.everyRowCarriesItsMonth(try temporaryStore())
    }

    @Test func storesOfAnOlderDossierGainTheColumn() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString).db").path
        try MonthlyPartitionChecks.olderStoreMigrated(
            older: Store(database: try SQLiteStoreDatabase(path: path), name: path), reopen: { try Store.open(path) })
    }
}

enum MonthlyPartitionChecks {
    static func everyRowCarriesItsMonth(_ store: Store) throws {
        _ = try ingest(Corpus.all, into: store)
        let month = MonthlyPartitions.month(of: Store.timestamp())
        for table in MonthlyPartitions.tables.map(\.name) {
            let months = try store.database.read { session in
                try session.rows("SELECT DISTINCT CAST(month AS TEXT) FROM \(table)", []).map { $0[0].string }
            }
            // The texts make no claims: those tables stay empty.
            #expect(months == (["claims", "claim_parties"].contains(table) ? [] : [month]), "\(table)")
        }
    }

    /// A store made as Dossier made them before migration 9, holding articles stored in two months, is migrated when
    /// opened: every row kept, in the month its article was stored.
    static func olderStoreMigrated(older: Store, reopen: () throws -> Store) throws {
        try Schema.migrate(older.database, upTo: 8)
        let now = Store.timestamp()
        try older.database.write { session in
            try session.insert(
                into: "articles", columns: ["hash", "source", "origin", "text", "body", "ingested_at"],
                rows: [("a", "2025-01-05T10:00:00Z"), ("b", now)].map { hash, stored in
                    [.text(hash), .text("\(hash).txt"), .text("test"), .text("Kim met Shoigu."), .text("Kim met Shoigu."), .text(stored)]
                }, conflict: "")
            try session.insert(
                into: "mentions", columns: ["article_hash", "ordinal", "text", "kind", "type", "found_by"],
                rows: ["a", "b"].flatMap { hash in
                    [0, 1].map { [.text(hash), .integer($0), .text("Kim"), .text("name"), .text("PER"), .text("test")] }
                },
                conflict: "")
        }
        let counts = try older.counts()
        try older.close()
        let store = try reopen()
        #expect(try store.counts() == counts)
        let months = try store.database.read { session in
            try session.rows("SELECT article_hash, CAST(month AS TEXT) FROM mentions ORDER BY article_hash, ordinal", [])
                .map { "\($0[0].string ?? ""): \($0[1].string ?? "")" }
        }
        let month = MonthlyPartitions.month(of: now)
        #expect(months == ["a: 2025-01-01", "a: 2025-01-01", "b: \(month)", "b: \(month)"])
    }

    /// In PostgreSQL, a partition a table for the month the articles were stored in.
    static func postgresPartitionOfTheMonth() throws {
        try emptyPostgresDatabase().close()
        let store = try Store.open(testPostgresAddress!)
        try everyRowCarriesItsMonth(store)
        let month = MonthlyPartitions.month(of: Store.timestamp())
        for table in MonthlyPartitions.tables.map(\.name) {
            let partitions = try store.database.read { session in
                try session.rows("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = ?::regclass", [.text(table)])
                    .compactMap { $0[0].string }
            }
            #expect(partitions == ["\(table)_\(month.prefix(7).replacingOccurrences(of: "-", with: "_"))"])
        }
    }

    /// In PostgreSQL, an older store's rows move to the partitions of their months.
    static func postgresOlderStorePartitioned() throws {
        let older = Store(database: try emptyPostgresDatabase(), name: "older")
        try olderStoreMigrated(older: older, reopen: { try Store.open(testPostgresAddress!) })
        let store = try Store.open(testPostgresAddress!)
        // A query bounded by a month reads that month's partition only.
        let plan = try store.database.read { session in
            try session.rows("EXPLAIN SELECT count(*) FROM mentions WHERE month = '2025-01-01'", []).compactMap { $0[0].string }
        }.joined(separator: "\n")
        #expect(plan.contains("mentions_2025_01"))
        let now = MonthlyPartitions.month(of: Store.timestamp()).prefix(7).replacingOccurrences(of: "-", with: "_")
        #expect(!plan.contains("mentions_\(now)"), "\(plan)")
    }
}
