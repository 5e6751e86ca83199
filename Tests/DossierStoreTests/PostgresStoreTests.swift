import Foundation
import Testing

@testable import DossierStore

/// The PostgreSQL database the tests may empty, from `DOSSIER_TEST_POSTGRES`.
let testPostgresAddress = ProcessInfo.processInfo.environment["DOSSIER_TEST_POSTGRES"]

/// The test database, emptied: no tables, no migrations.
func emptyPostgresDatabase() throws -> PostgresStoreDatabase {
    let database = try PostgresStoreDatabase(url: testPostgresAddress!)
    try database.write { session in
        try session.execute("DROP SCHEMA public CASCADE")
        try session.execute("CREATE SCHEMA public")
    }
    return database
}

/// The store checks against PostgreSQL, when `DOSSIER_TEST_POSTGRES` names a database.
@Suite(.serialized, .enabled(if: testPostgresAddress != nil, "set DOSSIER_TEST_POSTGRES=postgres://... to run"))
struct PostgresStoreTests {
    /// The store in an emptied database.
    func emptyStore() throws -> Store {
        try emptyPostgresDatabase().close()
        return try Store.open(testPostgresAddress!)
    }

    @Test func sameEventFromTwoReportsIsOneEvent() throws { try StoreChecks.sameEventFromTwoReports(try emptyStore()) }

    @Test func reingestIsANoOp() throws { try StoreChecks.reingestChangesNothing(try emptyStore()) }

    @Test func aTextIsStoredWhole() throws { try StoreChecks.textIsStoredWhole(try emptyStore()) }

    @Test func queriesFindEntitiesQuotesAndWords() throws { try StoreChecks.queries(try emptyStore()) }

    @Test func placesAndDatesOfEvents() throws { try StoreChecks.placesAndDates(try emptyStore()) }

    @Test func failedArticlesAreKept() throws { try StoreChecks.failedArticlesAreKept(try emptyStore()) }

    @Test func jobQueueClaims() throws { try JobQueueChecks.claims(try emptyStore()) }

    @Test func jobQueueTakeOver() throws { try JobQueueChecks.takeOver(try emptyStore()) }

    @Test func jobQueueParking() throws { try JobQueueChecks.parking(try emptyStore()) }

    @Test func aPartitionAMonth() throws { try MonthlyPartitionChecks.postgresPartitionOfTheMonth() }

    @Test func storesOfAnOlderDossierArePartitioned() throws { try MonthlyPartitionChecks.postgresOlderStorePartitioned() }

    /// Rows go in as arrays, one a column: the same rows, nulls and numbers as SQLite stores, merged the same way.
    @Test func sameRowsAsSQLite() throws {
        let postgres = try emptyStore()
        let sqlite = try temporaryStore()
        for store in [postgres, sqlite] {
            _ = try ingest([Corpus.meetingByAgency], into: store)
            _ = try ingest(Corpus.all, into: store)
        }
        #expect(try postgres.counts() == sqlite.counts())
        let totals = """
            SELECT (SELECT sum(mention_count) FROM entities), (SELECT sum(num_mentions) FROM events),
                (SELECT sum(num_sources) FROM events), (SELECT count(latitude) FROM entities),
                (SELECT sum(span_start) FROM mentions), (SELECT count(*) FROM mentions WHERE entity_key IS NULL)
            """
        let figures = try [postgres, sqlite].map { store in
            try store.database.read { session in try session.rows(totals, []).first?.map(\.int) }
        }
        #expect(figures[0] == figures[1])
        #expect(figures[0]?.allSatisfy { $0 != nil } == true, "\(figures)")
    }
}
