import Foundation
import Testing

@testable import DossierStore

/// The PostgreSQL database the tests may empty, from `DOSSIER_TEST_POSTGRES`.
let testPostgresAddress = ProcessInfo.processInfo.environment["DOSSIER_TEST_POSTGRES"]

/// The store checks against PostgreSQL, when `DOSSIER_TEST_POSTGRES` names a database.
@Suite(.serialized, .enabled(if: testPostgresAddress != nil, "set DOSSIER_TEST_POSTGRES=postgres://... to run"))
struct PostgresStoreTests {
    /// The store in an emptied database.
    func emptyStore() throws -> Store {
        let database = try PostgresStoreDatabase(url: testPostgresAddress!)
        try database.write { session in
            try session.execute("DROP SCHEMA public CASCADE")
            try session.execute("CREATE SCHEMA public")
        }
        try database.close()
        return try Store.open(testPostgresAddress!)
    }

    @Test func sameEventFromTwoReportsIsOneEvent() throws { try StoreChecks.sameEventFromTwoReports(try emptyStore()) }

    @Test func reingestIsANoOp() throws { try StoreChecks.reingestChangesNothing(try emptyStore()) }

    @Test func queriesFindEntitiesQuotesAndWords() throws { try StoreChecks.queries(try emptyStore()) }
}
